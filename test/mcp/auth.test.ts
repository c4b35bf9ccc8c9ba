import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.js';
import { AuthConfigError } from '../../src/server/bearer-auth.js';
import { createMcpAuth } from '../../src/server/mcp-routes.js';
import { issuerFor, LocalIdentity, strangerKey, TENANT_ID } from '../bot/helpers/local-identity.js';
import { startService, type RunningService } from '../bot/helpers/service.js';
import { assertError, request } from '../server/http.js';
import { callTool, connectMcp, MCP_KEY } from './client.js';

const AUDIENCE = 'api://intent-skill-mcp-test';
const OTHER_TENANT = '0b2d4f6a-8c1e-4a3b-9d5f-7e6c5b4a3d2e';

/** A tool call that would write a conversation if it got through. */
function assistCall(conversationId: string): string {
  return JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'Assist', arguments: { text: 'where is my order BL-4471220', conversationId } } });
}

function post(origin: string, body: string, headers: Record<string, string>) {
  return request(origin, 'POST', '/mcp', { body, headers: { accept: 'application/json, text/event-stream', ...headers } });
}

describe('who may call the MCP tools', function () {
  this.timeout(60_000);
  let identity: LocalIdentity;
  let elsewhere: LocalIdentity;
  let service: RunningService;

  before(async () => {
    [identity, elsewhere] = await Promise.all([LocalIdentity.start(), LocalIdentity.start()]);
    service = await startService({
      MCP_API_KEY: MCP_KEY,
      MCP_ENTRA_ISSUER: issuerFor(TENANT_ID),
      MCP_ENTRA_AUDIENCE: AUDIENCE,
      MCP_ENTRA_JWKS_URL: identity.keysUrl,
    });
  });

  after(async () => {
    await service?.close();
    await identity?.close();
    await elsewhere?.close();
  });

  it('takes the API key as a bearer token or in x-api-key, through the SDK client', async () => {
    for (const headers of [{ authorization: `Bearer ${MCP_KEY}` }, { 'x-api-key': MCP_KEY }] as Array<Record<string, string>>) {
      const mcp = await connectMcp(service.origin, headers);
      try {
        const result = await callTool(mcp.client, 'DetectIntent', { text: 'where is my order?' });
        assert.equal(result.outputs.intentId, 'order-status');
      } finally {
        await mcp.close();
      }
    }
  });

  it('takes an Entra ID token for the configured audience and issuer', async () => {
    const token = await identity.sign({ aud: AUDIENCE, appid: 'copilot-studio-connector' });
    const mcp = await connectMcp(service.origin, { authorization: `Bearer ${token}` });
    try {
      const conversationId = `mcp-auth-entra-${process.pid}`;
      await callTool(mcp.client, 'Assist', { text: 'where is my order?', conversationId });
      assert.equal((await service.app.conversations.get(conversationId))?.turnCount, 1);
    } finally {
      await mcp.close();
    }
  });

  it('refuses every other caller with 401 and the one error body, and nothing is written', async () => {
    const conversationId = `mcp-auth-refused-${process.pid}`;
    const refusals: Array<{ label: string; headers: Record<string, string>; message: RegExp }> = [
      { label: 'no credentials', headers: {}, message: /^missing credentials: send "Authorization: Bearer <token or API key>" or an x-api-key header$/ },
      { label: 'a wrong key', headers: { 'x-api-key': `${MCP_KEY}x` }, message: /^the API key is not valid$/ },
      { label: 'a wrong bearer key', headers: { authorization: 'Bearer not-the-key-0123456789' }, message: /^the API key is not valid$/ },
      {
        label: 'an expired token',
        headers: { authorization: `Bearer ${await identity.sign({ aud: AUDIENCE, appid: 'x', expiresIn: -600 })}` },
        message: /\(ERR_JWT_EXPIRED\)$/,
      },
      {
        label: 'a forged signature',
        headers: { authorization: `Bearer ${await identity.sign({ aud: AUDIENCE, appid: 'x' }, await strangerKey())}` },
        message: /\(ERR_JWS_SIGNATURE_VERIFICATION_FAILED\)$/,
      },
      {
        label: "another app's audience",
        headers: { authorization: `Bearer ${await identity.sign({ aud: 'api://someone-elses-app', appid: 'x' })}` },
        message: /\(ERR_JWT_CLAIM_VALIDATION_FAILED\)$/,
      },
      {
        label: "another tenant's issuer",
        headers: { authorization: `Bearer ${await identity.sign({ aud: AUDIENCE, appid: 'x', iss: issuerFor(OTHER_TENANT) })}` },
        message: /\(ERR_JWT_CLAIM_VALIDATION_FAILED\)$/,
      },
      {
        label: 'an issuer nobody configured, with its own keys',
        headers: { authorization: `Bearer ${await elsewhere.sign({ aud: AUDIENCE, appid: 'x', iss: 'https://issuer.example/' })}` },
        message: /\(ERR_JWKS_NO_MATCHING_KEY\)$/,
      },
    ];
    for (const { label, headers, message } of refusals) {
      const answer = await post(service.origin, assistCall(conversationId), headers);
      assertError(answer, 401, 'Unauthorized', message, label);
      const challenge = answer.headers.get('www-authenticate') ?? '';
      assert.match(challenge, new RegExp(`^Bearer realm="intent-skill", resource_metadata="${service.origin}/\\.well-known/oauth-protected-resource/mcp"`), label);
      assert.equal(challenge.includes('error="invalid_token"'), label !== 'no credentials', `${label}: ${challenge}`);
    }
    assert.equal(await service.app.conversations.get(conversationId), null);
  });

  it('refuses before the body is read, whatever its size', async () => {
    const answer = await post(service.origin, 'x'.repeat(1024 * 1024), { authorization: 'Bearer wrong' });
    assertError(answer, 401, 'Unauthorized', /not valid/);
  });

  it('the SDK client without credentials cannot connect', async () => {
    await assert.rejects(() => connectMcp(service.origin, {}), /401|Unauthorized/);
  });

  it('publishes OAuth protected-resource metadata naming the authorization server, at both places clients look', async () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const answer = await request(service.origin, 'GET', path);
      assert.equal(answer.status, 200, path);
      assert.deepEqual(answer.body, {
        resource: `${service.origin}/mcp`,
        authorization_servers: [issuerFor(TENANT_ID)],
        bearer_methods_supported: ['header'],
        resource_name: 'intent-skill MCP tools',
      });
    }
  });

  describe('configuration', () => {
    it('refuses an MCP_API_KEY shorter than 16 characters when the configuration loads', () => {
      assert.throws(() => loadConfig({ MCP_API_KEY: 'short-key' }), (error: unknown) => error instanceof ConfigError && /MCP_API_KEY: must be at least 16 characters/.test(error.message));
    });

    it('refuses only part of the Entra settings', () => {
      assert.throws(
        () => createMcpAuth({ MCP_API_KEY: undefined, MCP_ENTRA_ISSUER: issuerFor(TENANT_ID), MCP_ENTRA_AUDIENCE: undefined, MCP_ENTRA_JWKS_URL: undefined }),
        (error: unknown) => error instanceof AuthConfigError && /MCP_ENTRA_ISSUER, MCP_ENTRA_AUDIENCE and MCP_ENTRA_JWKS_URL must be set together/.test(error.message),
      );
    });

    it('refuses an allowed origin that is not one', () => {
      assert.throws(() => loadConfig({ MCP_ALLOWED_ORIGINS: 'https://ok.example, not an origin' }), /MCP_ALLOWED_ORIGINS\[1\]: each entry must be an origin/);
      assert.deepEqual(loadConfig({ MCP_ALLOWED_ORIGINS: 'https://ok.example/path, http://localhost:6274' }).MCP_ALLOWED_ORIGINS, ['https://ok.example', 'http://localhost:6274']);
    });

    it('with neither a key nor Entra ID, /mcp is open, the server warns loudly, and no metadata points at an authorization server', async () => {
      const open = await startService({});
      try {
        assert.ok(open.logs.some((line) => line.level === 40 && /^THE MCP ENDPOINT IS UNPROTECTED/.test(line.msg)));
        const mcp = await connectMcp(open.origin, {});
        try {
          assert.equal((await callTool(mcp.client, 'DetectIntent', { text: 'where is my order?' })).outputs.intentId, 'order-status');
        } finally {
          await mcp.close();
        }
        assert.equal((await request(open.origin, 'GET', '/.well-known/oauth-protected-resource')).status, 404);
      } finally {
        await open.close();
      }
    });
  });
});
