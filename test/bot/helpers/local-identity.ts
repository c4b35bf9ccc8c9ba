import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenCredentials, type ServiceClientCredentials, type ServiceClientCredentialsFactory } from 'botframework-connector';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** A tenant of our own: tokens look like Entra single-tenant tokens, signed by keys that exist only in this test. */
export const TENANT_ID = '7e1f3c52-0d4b-4a8e-9c61-2f5b8d3a9e10';

export interface TokenClaims {
  aud: string;
  appid: string;
  iss?: string;
  ver?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** The `serviceurl` claim a channel's token carries (botbuilder checks it against the activity's service URL). */
  serviceUrl?: string;
  /** App roles assigned to the caller (the `roles` claim). */
  roles?: string[];
}

/**
 * A local OpenID configuration and JWKS over loopback (what botbuilder fetches to check signatures), and a signer
 * for tokens in the shape Entra issues to bots (v1: `appid`, `ver` 1.0, issuer sts.windows.net/<tenant>/).
 */
export class LocalIdentity {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: CryptoKey,
    readonly kid: string,
    readonly metadataUrl: string,
    /**
     * IDENTITY_ENDPOINT and IDENTITY_HEADER as App Service sets them for a managed identity: MSAL (and so the
     * Agents SDK's token provider) gets tokens over plain HTTP from there, which is what lets a root agent built
     * with the SDK get its tokens from this identity on loopback.
     */
    readonly managedIdentityEnv: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string },
  ) {}

  /** Where the signing keys are published (what a peer checks this identity's tokens against). */
  get keysUrl(): string {
    return new URL('/keys', this.metadataUrl).href;
  }

  static async start(): Promise<LocalIdentity> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = randomUUID();
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    const managedIdentityHeader = randomUUID();
    let origin = '';
    let identity: LocalIdentity | undefined;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        answer(200, { issuer: issuerFor(TENANT_ID), jwks_uri: `${origin}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      } else if (url.pathname === '/keys' || url.pathname === `/${TENANT_ID}/discovery/v2.0/keys`) {
        answer(200, { keys: [jwk] });
      } else if (url.pathname === MANAGED_IDENTITY_PATH && identity) {
        void identity.managedIdentityToken(url.searchParams, req.headers['x-identity-header'], managedIdentityHeader).then(
          (token) => answer(token ? 200 : 400, token ?? { error: 'invalid_request', error_description: 'resource, client_id and X-IDENTITY-HEADER are required' }),
          (error: unknown) => answer(500, { error: String(error) }),
        );
      } else {
        answer(404, { error: 'not found' });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    identity = new LocalIdentity(server, privateKey, kid, `${origin}/.well-known/openid-configuration`, {
      IDENTITY_ENDPOINT: `${origin}${MANAGED_IDENTITY_PATH}`,
      IDENTITY_HEADER: managedIdentityHeader,
    });
    return identity;
  }

  /** The authority an Agents SDK agent is configured with to check this identity's tokens (it fetches `{authority}/discovery/v2.0/keys`). */
  get authority(): string {
    return new URL(`/${TENANT_ID}`, this.metadataUrl).href;
  }

  /**
   * The App Service managed-identity token endpoint's answer (what MSAL's ManagedIdentityApplication fetches from
   * IDENTITY_ENDPOINT): a token for `resource`, issued to the user-assigned identity `client_id`.
   */
  private async managedIdentityToken(query: URLSearchParams, header: string | string[] | undefined, expectedHeader: string): Promise<Record<string, string> | undefined> {
    const resource = query.get('resource');
    const clientId = query.get('client_id');
    if (!resource || !clientId || header !== expectedHeader) return undefined;
    const expiresIn = 3600;
    const accessToken = await this.sign({ aud: resource, appid: clientId, expiresIn });
    return { access_token: accessToken, expires_on: String(Math.floor(Date.now() / 1000) + expiresIn), resource, token_type: 'Bearer', client_id: clientId };
  }

  async sign(claims: TokenClaims, key: CryptoKey = this.privateKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = claims.expiresIn ?? 3600;
    return new SignJWT({ appid: claims.appid, ver: claims.ver ?? '1.0', tid: TENANT_ID, ...(claims.serviceUrl ? { serviceurl: claims.serviceUrl } : {}), ...(claims.roles ? { roles: claims.roles } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? issuerFor(TENANT_ID))
      .setAudience(claims.aud)
      .setIssuedAt(Math.min(now, now + expiresIn - 60))
      .setNotBefore(Math.min(now, now + expiresIn - 60))
      .setExpirationTime(now + expiresIn)
      .sign(key);
  }

  /** Signs a bot's outbound calls (what MSAL would fetch from Entra) with the local key. */
  credentialsFor(appId: string): ServiceClientCredentialsFactory {
    return new LocalCredentialsFactory(appId, this);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const MANAGED_IDENTITY_PATH = '/msi/token';

export function issuerFor(tenant: string): string {
  return `https://sts.windows.net/${tenant}/`;
}

/** A key pair nobody trusts, for the bad-signature case. */
export async function strangerKey(): Promise<CryptoKey> {
  return (await generateKeyPair('RS256')).privateKey;
}

class LocalCredentialsFactory implements ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly identity: LocalIdentity,
  ) {}

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    return new TokenCredentials(await this.identity.sign({ aud: audience ?? 'https://api.botframework.com', appid: appId }));
  }
}
