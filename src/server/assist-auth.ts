import type { Config } from '../config.js';
import { createBearerAuth, entraSettings, type BearerAuth } from './bearer-auth.js';

export type AssistAuth = BearerAuth;

type AuthConfig = Pick<Config, 'ASSIST_API_KEY' | 'ASSIST_ENTRA_ISSUER' | 'ASSIST_ENTRA_AUDIENCE' | 'ASSIST_ENTRA_JWKS_URL'>;

/** The assist API's caller check (ASSIST_API_KEY, ASSIST_ENTRA_*). EventSource cannot send headers, so the page passes `access_token`. */
export function createAssistAuth(config: AuthConfig): AssistAuth {
  return createBearerAuth({
    apiKey: config.ASSIST_API_KEY,
    entra: entraSettings('ASSIST', { issuer: config.ASSIST_ENTRA_ISSUER, audience: config.ASSIST_ENTRA_AUDIENCE, jwksUrl: config.ASSIST_ENTRA_JWKS_URL }),
  });
}
