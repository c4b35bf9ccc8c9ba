import type { Request } from 'restify';
import type { Config } from '../config.js';
import { createBearerAuth, entraSettings, type BearerAuth, type BearerAuthResult } from './bearer-auth.js';
import { HttpError } from './errors.js';

export type AssistAuth = BearerAuth;

type AuthConfig = Pick<Config, 'ASSIST_API_KEY' | 'ASSIST_ENTRA_ISSUER' | 'ASSIST_ENTRA_AUDIENCE' | 'ASSIST_ENTRA_JWKS_URL'>;

/** The assist API's caller check (ASSIST_API_KEY, ASSIST_ENTRA_*). EventSource cannot send headers, so the page passes `access_token`. */
export function createAssistAuth(config: AuthConfig): AssistAuth {
  return createBearerAuth({
    apiKey: config.ASSIST_API_KEY,
    entra: entraSettings('ASSIST', { issuer: config.ASSIST_ENTRA_ISSUER, audience: config.ASSIST_ENTRA_AUDIENCE, jwksUrl: config.ASSIST_ENTRA_JWKS_URL }),
  });
}

/** The caller of a request to the assist API or the library page, or a 401 saying what is wrong. */
export async function authenticate(auth: AssistAuth, req: Request): Promise<Extract<BearerAuthResult, { ok: true }>> {
  const query = req.query as Record<string, unknown> | undefined;
  const header = req.headers['x-api-key'];
  const result = await auth.check({
    authorization: req.headers.authorization,
    apiKey: typeof header === 'string' ? header : undefined,
    accessToken: typeof query?.access_token === 'string' ? query.access_token : undefined,
  });
  if (!result.ok) throw new HttpError(401, 'Unauthorized', result.message);
  return result;
}
