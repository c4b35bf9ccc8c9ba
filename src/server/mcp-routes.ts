import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { skillActions } from '../actions/index.js';
import type { Config } from '../config.js';
import { JsonResponseTransport } from '../mcp/json-transport.js';
import { mcpServerFactory } from '../mcp/server.js';
import { createBearerAuth, entraSettings, type BearerAuth } from './bearer-auth.js';
import { BODY_LIMITS } from './body-limits.js';
import { HttpError } from './errors.js';
import { jsonBody } from './json-body.js';
import { packageVersion } from './package-version.js';
import type { ServerParts } from './parts.js';
import { publicOrigin } from './request-origin.js';

export const MCP_PATH = '/mcp';
/** OAuth protected-resource metadata (RFC 9728): at the root, and under the resource's path as the MCP spec looks first. */
export const PROTECTED_RESOURCE_PATHS = ['/.well-known/oauth-protected-resource', `/.well-known/oauth-protected-resource${MCP_PATH}`] as const;

type McpAuthConfig = Pick<Config, 'MCP_API_KEY' | 'MCP_ENTRA_ISSUER' | 'MCP_ENTRA_AUDIENCE' | 'MCP_ENTRA_JWKS_URL'>;

/** The MCP endpoint's caller check (MCP_API_KEY, MCP_ENTRA_*), the same check as the assist API's. */
export function createMcpAuth(config: McpAuthConfig): BearerAuth & { issuer: string | null } {
  const entra = entraSettings('MCP', { issuer: config.MCP_ENTRA_ISSUER, audience: config.MCP_ENTRA_AUDIENCE, jwksUrl: config.MCP_ENTRA_JWKS_URL });
  return { ...createBearerAuth({ apiKey: config.MCP_API_KEY, entra }), issuer: entra?.issuer ?? null };
}

/**
 * MCP over Streamable HTTP at /mcp, stateless: every POST gets a fresh SDK server and JsonResponseTransport, answered
 * with JSON (no session, no SSE stream), so any instance answers any call and the conversation travels in
 * `conversationId`. GET and DELETE are answered 405 (no stream to open, no session to end), as the spec allows a
 * stateless server. A browser's Origin must be on the allow-list (DNS-rebinding protection); then the caller is
 * checked; then the body is read.
 */
export function mountMcp(server: Server, app: ServerParts, logger: Logger): void {
  const auth = createMcpAuth(app.config);
  if (auth.disabled) {
    logger.warn(
      'THE MCP ENDPOINT IS UNPROTECTED: neither MCP_API_KEY nor MCP_ENTRA_* is set, so anyone who can reach /mcp can call the tools and ' +
        'read and write conversations. Set one of them before exposing this service.',
    );
  }
  const allowedOrigins = new Set([...app.config.MCP_ALLOWED_ORIGINS, ...(app.config.PUBLIC_URL ? [new URL(app.config.PUBLIC_URL).origin] : [])]);
  const newServer = mcpServerFactory(skillActions, app, logger, {
    name: 'intent-skill',
    version: packageVersion(),
    instructions:
      `Customer-intent tools for ${app.conversations.catalog().library.name}. For a customer conversation, call Assist once per customer ` +
      'message with the same conversationId and say its replyText; when its status is handoff, transfer to a person with handoffSummary ' +
      '(Handoff returns it too, with the queue, skills and priority to route the transfer by). ' +
      'ListIntents tells what customers can be helped with; DetectIntent, GetNextQuestions and SearchSolutions answer single questions and change nothing.',
  });
  const metadataUrl = (req: Request) => `${publicOrigin(app.config, req)}${PROTECTED_RESOURCE_PATHS[1]}`;

  const checkOrigin = async (req: Request) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      throw new HttpError(403, 'Forbidden', `Origin "${origin}" may not call ${MCP_PATH}: add it to MCP_ALLOWED_ORIGINS to let pages from it in`);
    }
  };
  const authenticate = async (req: Request, res: Response) => {
    const header = req.headers['x-api-key'];
    const result = await auth.check({ authorization: req.headers.authorization, apiKey: typeof header === 'string' ? header : undefined });
    if (result.ok) return;
    // RFC 6750 and the MCP authorization spec: say it is a bearer resource, and where its authorization server is named.
    const challenge = [
      'Bearer realm="intent-skill"',
      ...(auth.issuer ? [`resource_metadata="${metadataUrl(req)}"`] : []),
      ...(result.presented ? ['error="invalid_token"'] : []),
    ].join(', ');
    res.header('WWW-Authenticate', challenge);
    throw new HttpError(401, 'Unauthorized', result.message);
  };

  server.post(MCP_PATH, checkOrigin, authenticate, jsonBody(BODY_LIMITS.mcp), async (req: Request, res: Response) => {
    if (req.body === undefined) throw new HttpError(400, 'BadArgument', 'body: a JSON-RPC message is required');
    const mcp = newServer();
    const transport = new JsonResponseTransport();
    await mcp.connect(transport);
    try {
      const version = req.headers['mcp-protocol-version'];
      const answer = await transport.handle(req.body, { accept: req.headers.accept, protocolVersion: typeof version === 'string' ? version : undefined });
      if (answer.body === undefined) res.send(answer.status);
      else res.send(answer.status, answer.body);
    } finally {
      await mcp.close();
    }
  });

  if (auth.issuer) {
    const issuer = auth.issuer;
    for (const path of PROTECTED_RESOURCE_PATHS) {
      server.get(path, async (req: Request, res: Response) => {
        res.send(200, {
          resource: `${publicOrigin(app.config, req)}${MCP_PATH}`,
          authorization_servers: [issuer],
          bearer_methods_supported: ['header'],
          resource_name: 'intent-skill MCP tools',
        });
      });
    }
  }
}
