import http from 'node:http';
import { FaultPlan, applyFault } from './faults.js';
import { close, listen, sendJson } from './http.js';

/** Not a secret: the header value App Service gives its managed-identity endpoint, made up for the test. */
export const LOCAL_IDENTITY_HEADER = 'local-identity-header-for-tests';

export interface IdentityPeer {
  endpoint: string;
  faults: FaultPlan;
  /** The token issued for each resource, so a test can look for it in other services' requests. */
  tokenFor(resource: string): string;
  issued: Array<{ resource: string; clientId: string | null }>;
  close(): Promise<void>;
}

/** The App Service managed-identity endpoint (IDENTITY_ENDPOINT + IDENTITY_HEADER), as @azure/identity calls it on Azure. */
export async function startIdentityPeer(options: { unref?: boolean } = {}): Promise<IdentityPeer> {
  const faults = new FaultPlan();
  const issued: IdentityPeer['issued'] = [];
  const tokenFor = (resource: string): string => `local-token.${Buffer.from(resource).toString('base64url')}`;
  const server = http.createServer((req, res) => {
    const { request, fault } = faults.record(req);
    applyFault(fault, req, res, () => {
      if (request.headers['x-identity-header'] !== LOCAL_IDENTITY_HEADER) return sendJson(res, 401, { error: 'unauthorized', error_description: 'bad identity header' });
      const resource = request.query.get('resource');
      if (!resource || !request.query.get('api-version')) return sendJson(res, 400, { error: 'invalid_request', error_description: 'resource and api-version are required' });
      const clientId = request.query.get('client_id');
      issued.push({ resource, clientId });
      return sendJson(res, 200, {
        access_token: tokenFor(resource),
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource,
        token_type: 'Bearer',
        client_id: clientId ?? '00000000-0000-0000-0000-000000000000',
      });
    });
  });
  const port = await listen(server);
  if (options.unref) server.unref();
  return { endpoint: `http://127.0.0.1:${port}/msi/token`, faults, tokenFor, issued, close: () => close(server) };
}

let shared: Promise<IdentityPeer> | undefined;

/**
 * The identity endpoint of this whole test process, for tests that point DefaultAzureCredential at it: MSAL remembers
 * the first managed-identity endpoint it finds in a process (a static cache), so a second endpoint would never be
 * asked, and a closed first one would fail every later test. Never closed; it does not keep the process alive.
 */
export function sharedIdentityPeer(): Promise<IdentityPeer> {
  shared ??= startIdentityPeer({ unref: true });
  return shared;
}

/** Points DefaultAzureCredential of this process at `peer`, as App Service's variables do; returns what puts them back. */
export function useIdentityPeer(peer: IdentityPeer): () => void {
  const saved = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };
  process.env.IDENTITY_ENDPOINT = peer.endpoint;
  process.env.IDENTITY_HEADER = LOCAL_IDENTITY_HEADER;
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
