import type { Request } from 'restify';
import type { Config } from '../config.js';

/** The origin a request came in on, as the client saw it (App Service and proxies set x-forwarded-proto). */
export function requestOrigin(req: Request): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || (req.isSecure() ? 'https' : 'http');
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

/** The service's public origin: PUBLIC_URL when set, else the one the request came in on. */
export function publicOrigin(config: Pick<Config, 'PUBLIC_URL'>, req: Request): string {
  return config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : requestOrigin(req);
}
