import { randomBytes, randomUUID } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { WebSocketServer, type WebSocket } from 'ws';
import { testCertificate } from './certificate.js';
import { applyFault, FaultPlan, type RecordedRequest } from './faults.js';
import { close, listen, sendJson } from './http.js';

export const SUBPROTOCOL = 'json.webpubsub.azure.v1';
/** The audience of the data-plane tokens the server SDK asks the identity endpoint for. */
export const WEB_PUBSUB_AUDIENCE = 'https://webpubsub.azure.com';

export interface PeerConnection {
  id: string;
  hub: string;
  userId: string | null;
  roles: string[];
  groups: Set<string>;
}

export interface WebPubSubPeer {
  endpoint: string;
  faults: FaultPlan;
  /** Open client connections, as the service holds them. */
  connections: PeerConnection[];
  /** Every group message sent through the REST API, in the order the peer took them. */
  sent: Array<{ hub: string; group: string; data: unknown }>;
  /** Client connections refused, with the reason the service would give (status and message). */
  refused: Array<{ status: number; reason: string }>;
  /** Signs a client access token with this peer's own key, for tests that need one the REST API would not issue. */
  sign(claims: JWTPayload, options?: { key?: Uint8Array; expiresInSeconds?: number }): Promise<string>;
  clientUrl(hub: string, token: string): string;
  /** Drops every client connection, as a service restart would; returns how many there were. */
  dropConnections(): number;
  close(): Promise<void>;
}

interface Frame {
  type?: unknown;
  group?: unknown;
  ackId?: unknown;
}

/**
 * Azure Web PubSub on loopback, over its wire formats: the data-plane REST calls the server SDK makes (generate a
 * client access token, send to a group), each checked for the identity's bearer token; and the client endpoint
 * `/client/hubs/{hub}` with the `json.webpubsub.azure.v1` subprotocol (joinGroup, leaveGroup, acks, group messages).
 * Client access tokens are HS256 JWTs signed with this peer's own key, as the service signs them with its access key:
 * a connection is refused unless the signature, expiry and audience (this endpoint and hub) hold, and a client may
 * only join the groups its roles name (`webpubsub.joinLeaveGroup` or `webpubsub.joinLeaveGroup.<group>`).
 */
export async function startWebPubSubPeer(options: { bearerToken: string }): Promise<WebPubSubPeer> {
  const certificate = await testCertificate();
  const key = new Uint8Array(randomBytes(32));
  const faults = new FaultPlan();
  const sockets = new Map<WebSocket, PeerConnection>();
  const sent: WebPubSubPeer['sent'] = [];
  const refused: WebPubSubPeer['refused'] = [];
  let origin = '';
  const audience = (hub: string) => `${origin}/client/hubs/${hub}`;

  const sign: WebPubSubPeer['sign'] = (claims, signing = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (signing.expiresInSeconds ?? 3600))
      .sign(signing.key ?? key);

  async function handle(req: IncomingMessage, res: ServerResponse, request: RecordedRequest): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (request.headers.authorization !== `Bearer ${options.bearerToken}`) {
      return sendJson(res, 401, { code: 'Unauthorized', message: 'a bearer token of the Web PubSub audience is required' });
    }
    if (request.query.get('api-version') === null) return sendJson(res, 400, { code: 'BadRequest', message: 'api-version is required' });
    const token = /^\/api\/hubs\/([^/]+)\/:generateToken$/.exec(request.path);
    if (token && req.method === 'POST') {
      const hub = decodeURIComponent(token[1] ?? '');
      const minutes = Number(request.query.get('minutesToExpire') ?? 60);
      const userId = request.query.get('userId');
      const claims: JWTPayload = { aud: audience(hub), role: request.query.getAll('role'), 'webpubsub.group': request.query.getAll('group') };
      if (userId) claims.sub = userId;
      return sendJson(res, 200, { token: await sign(claims, { expiresInSeconds: minutes * 60 }) });
    }
    const send = /^\/api\/hubs\/([^/]+)\/groups\/([^/]+)\/:send$/.exec(request.path);
    if (send && req.method === 'POST') {
      const hub = decodeURIComponent(send[1] ?? '');
      const group = decodeURIComponent(send[2] ?? '');
      const body = Buffer.concat(chunks).toString('utf8');
      const json = String(request.headers['content-type']).startsWith('application/json');
      const data: unknown = json ? JSON.parse(body) : body;
      sent.push({ hub, group, data });
      const frame = JSON.stringify({ type: 'message', from: 'group', group, dataType: json ? 'json' : 'text', data });
      for (const [socket, connection] of sockets) if (connection.hub === hub && connection.groups.has(group)) socket.send(frame);
      res.writeHead(202);
      return void res.end();
    }
    return sendJson(res, 404, { code: 'NotFound', message: `no ${req.method} ${request.path} here` });
  }

  const server = https.createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    const { request, fault } = faults.record(req);
    applyFault(fault, req, res, () => void handle(req, res, request).catch((error: unknown) => sendJson(res, 500, { code: 'InternalServerError', message: String(error) })));
  });

  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false) });
  const refuse = (socket: Duplex, status: number, reason: string) => {
    refused.push({ status, reason });
    socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Bad Request'}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${reason}`);
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const hub = /^\/client\/hubs\/([^/]+)$/.exec(url.pathname)?.[1];
      if (!hub) return refuse(socket, 400, `no client endpoint at ${url.pathname}`);
      const protocols = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
      if (!protocols.includes(SUBPROTOCOL)) return refuse(socket, 400, `this peer speaks only the ${SUBPROTOCOL} subprotocol`);
      const token = url.searchParams.get('access_token');
      if (!token) return refuse(socket, 401, 'access_token is required');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: audience(decodeURIComponent(hub)) }));
      } catch (error) {
        return refuse(socket, 401, `invalid access token: ${(error as Error).message}`);
      }
      const connection: PeerConnection = {
        id: randomUUID(),
        hub: decodeURIComponent(hub),
        userId: typeof payload.sub === 'string' ? payload.sub : null,
        roles: list(payload.role),
        groups: new Set(list(payload['webpubsub.group'])),
      };
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.set(ws, connection);
        ws.on('close', () => sockets.delete(ws));
        ws.on('message', (data) => respond(ws, connection, String(data)));
        ws.send(JSON.stringify({ type: 'system', event: 'connected', userId: connection.userId, connectionId: connection.id }));
      });
    })();
  });

  function respond(ws: WebSocket, connection: PeerConnection, text: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch {
      ws.close(1003, 'frames must be JSON');
      return;
    }
    const ack = (error?: { name: string; message: string }) => {
      if (typeof frame.ackId === 'number') ws.send(JSON.stringify({ type: 'ack', ackId: frame.ackId, success: !error, ...(error ? { error } : {}) }));
    };
    if ((frame.type !== 'joinGroup' && frame.type !== 'leaveGroup') || typeof frame.group !== 'string') {
      return ack({ name: 'BadRequest', message: `unsupported request ${JSON.stringify(frame.type)}` });
    }
    const group = frame.group;
    if (!connection.roles.includes('webpubsub.joinLeaveGroup') && !connection.roles.includes(`webpubsub.joinLeaveGroup.${group}`)) {
      return ack({ name: 'Forbidden', message: `the connection has no permission to join or leave group ${group}` });
    }
    if (frame.type === 'joinGroup') connection.groups.add(group);
    else connection.groups.delete(group);
    ack();
  }

  const port = await listen(server);
  origin = `https://127.0.0.1:${port}`;
  return {
    endpoint: origin,
    faults,
    get connections() {
      return [...sockets.values()];
    },
    sent,
    refused,
    sign,
    dropConnections: () => {
      const count = sockets.size;
      for (const ws of sockets.keys()) ws.terminate();
      sockets.clear();
      return count;
    },
    clientUrl: (hub, token) => `wss://127.0.0.1:${port}/client/hubs/${hub}?access_token=${token}`,
    close: async () => {
      for (const ws of sockets.keys()) ws.terminate();
      await close(server);
    },
  };
}

function list(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  return Array.isArray(claim) ? claim.filter((item): item is string => typeof item === 'string') : [];
}
