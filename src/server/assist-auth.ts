import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Config } from '../config.js';

export type AssistAuthResult = { ok: true; principal: string } | { ok: false; message: string };

export interface AssistAuth {
  /** True when neither an API key nor Entra ID is configured: every caller is let in. */
  disabled: boolean;
  check(credentials: { authorization?: string | undefined; apiKey?: string | undefined; accessToken?: string | undefined }): Promise<AssistAuthResult>;
}

export class AssistAuthConfigError extends Error {
  override name = 'AssistAuthConfigError';
}

type AuthConfig = Pick<Config, 'ASSIST_API_KEY' | 'ASSIST_ENTRA_ISSUER' | 'ASSIST_ENTRA_AUDIENCE' | 'ASSIST_ENTRA_JWKS_URL'>;

/**
 * The assist API's caller check: the API key (embedded default) or an Entra ID bearer token whose signature,
 * issuer, audience and lifetime are valid. EventSource cannot send headers, so the page passes `access_token`.
 */
export function createAssistAuth(config: AuthConfig): AssistAuth {
  const entra = entraVerifier(config);
  const key = config.ASSIST_API_KEY;
  const disabled = !key && !entra;
  return {
    disabled,
    async check({ authorization, apiKey, accessToken }) {
      if (disabled) return { ok: true, principal: 'anonymous' };
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      const presented = apiKey ?? bearer ?? accessToken;
      if (!presented) return { ok: false, message: 'missing credentials: send "Authorization: Bearer <token or API key>" or an x-api-key header' };
      if (key && sameSecret(presented, key)) return { ok: true, principal: 'api-key' };
      if (!entra) return { ok: false, message: 'the API key is not valid' };
      return entra(presented);
    },
  };
}

function entraVerifier(config: AuthConfig): ((token: string) => Promise<AssistAuthResult>) | null {
  const { ASSIST_ENTRA_ISSUER: issuer, ASSIST_ENTRA_AUDIENCE: audience, ASSIST_ENTRA_JWKS_URL: jwksUrl } = config;
  const set = [issuer, audience, jwksUrl].filter((value) => value !== undefined).length;
  if (set === 0) return null;
  if (set < 3 || !issuer || !audience || !jwksUrl) {
    throw new AssistAuthConfigError('ASSIST_ENTRA_ISSUER, ASSIST_ENTRA_AUDIENCE and ASSIST_ENTRA_JWKS_URL must be set together (or none of them)');
  }
  const keys = createRemoteJWKSet(new URL(jwksUrl));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'], clockTolerance: 60 });
      return { ok: true, principal: String(payload.oid ?? payload.sub ?? payload.appid ?? 'entra') };
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'invalid token';
      return { ok: false, message: `the bearer token is not valid (${reason})` };
    }
  };
}

function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the key.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
