import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * `roles`: the app roles of an Entra ID token (its `roles` claim); null for the API key and an open surface, which
 * carry no roles and are let do everything.
 */
export type BearerAuthResult = { ok: true; principal: string; roles: string[] | null } | { ok: false; message: string; presented: boolean };

/** Where a caller's credentials can be: `Authorization: Bearer`, `x-api-key`, or (for EventSource) an `access_token` query parameter. */
export interface PresentedCredentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
  accessToken?: string | undefined;
}

export interface BearerAuth {
  /** True when neither an API key nor Entra ID is configured: every caller is let in. */
  disabled: boolean;
  check(credentials: PresentedCredentials): Promise<BearerAuthResult>;
}

/** Entra ID tokens a surface takes: signed by a key from `jwksUrl`, for `audience`, from `issuer`. */
export interface EntraSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
}

export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

/**
 * The Entra settings of one surface from its three variables (`<prefix>_ENTRA_ISSUER`, `_AUDIENCE`, `_JWKS_URL`):
 * null when none is set; all three or none, else the service refuses to start.
 */
export function entraSettings(prefix: string, values: { issuer: string | undefined; audience: string | undefined; jwksUrl: string | undefined }): EntraSettings | null {
  const { issuer, audience, jwksUrl } = values;
  const set = [issuer, audience, jwksUrl].filter((value) => value !== undefined).length;
  if (set === 0) return null;
  if (!issuer || !audience || !jwksUrl) {
    throw new AuthConfigError(`${prefix}_ENTRA_ISSUER, ${prefix}_ENTRA_AUDIENCE and ${prefix}_ENTRA_JWKS_URL must be set together (or none of them)`);
  }
  return { issuer, audience, jwksUrl };
}

/**
 * The caller check of the assist API and MCP: an API key (the embedded default), or an Entra ID bearer token whose
 * signature, issuer, audience and lifetime are valid. Neither configured lets everyone in.
 */
export function createBearerAuth(settings: { apiKey: string | undefined; entra: EntraSettings | null }): BearerAuth {
  const entra = settings.entra ? entraVerifier(settings.entra) : null;
  const key = settings.apiKey;
  const disabled = !key && !entra;
  return {
    disabled,
    async check({ authorization, apiKey, accessToken }) {
      if (disabled) return { ok: true, principal: 'anonymous', roles: null };
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      const presented = apiKey ?? bearer ?? accessToken;
      if (!presented) return { ok: false, presented: false, message: 'missing credentials: send "Authorization: Bearer <token or API key>" or an x-api-key header' };
      if (key && sameSecret(presented, key)) return { ok: true, principal: 'api-key', roles: null };
      // Something that is not a JWT (header.payload.signature) was meant as the key: say so rather than what JWT parsing says.
      if (!entra || (key && presented.split('.').length !== 3)) return { ok: false, presented: true, message: 'the API key is not valid' };
      return entra(presented);
    },
  };
}

function entraVerifier({ issuer, audience, jwksUrl }: EntraSettings): (token: string) => Promise<BearerAuthResult> {
  const keys = createRemoteJWKSet(new URL(jwksUrl));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'], clockTolerance: 60 });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
      return { ok: true, principal: String(payload.oid ?? payload.sub ?? payload.appid ?? 'entra'), roles };
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'invalid token';
      return { ok: false, presented: true, message: `the bearer token is not valid (${reason})` };
    }
  };
}

function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the key.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
