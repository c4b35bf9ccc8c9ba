import assert from 'node:assert/strict';
import { createAssistAuth } from '../../src/server/assist-auth.js';
import { AuthConfigError } from '../../src/server/bearer-auth.js';
import { issuerFor, LocalIdentity, strangerKey, TENANT_ID } from '../bot/helpers/local-identity.js';
import type { RunningService } from '../bot/helpers/service.js';
import { API_KEY, call, message, newConversationId, startAssistService } from './helpers.js';
import { readEvents } from './sse.js';

const AUDIENCE = 'api://intent-skill-assist-test';
const OTHER_TENANT = '0b2d4f6a-8c1e-4a3b-9d5f-7e6c5b4a3d2e';

describe('who may call the assist API', function () {
  this.timeout(60_000);
  let identity: LocalIdentity;
  let service: RunningService;

  before(async () => {
    identity = await LocalIdentity.start();
    service = await startAssistService({
      ASSIST_API_KEY: API_KEY,
      ASSIST_ENTRA_ISSUER: issuerFor(TENANT_ID),
      ASSIST_ENTRA_AUDIENCE: AUDIENCE,
      ASSIST_ENTRA_JWKS_URL: identity.metadataUrl.replace('/.well-known/openid-configuration', '/keys'),
    });
  });

  after(async () => {
    await service?.close();
    await identity?.close();
  });

  const post = (headers: Record<string, string>) =>
    call(service.origin, 'POST', `/api/conversations/${newConversationId('auth')}/messages`, message('m1', 'customer', 'where is my order'), headers);

  it('refuses a request without credentials with 401, saying what to send', async () => {
    const result = await post({});
    assert.equal(result.status, 401);
    assert.match(result.body.error?.message ?? '', /missing credentials/);
  });

  it('accepts the API key as a bearer token or in x-api-key, and refuses a wrong one', async () => {
    assert.equal((await post({ authorization: `Bearer ${API_KEY}` })).status, 201);
    assert.equal((await post({ 'x-api-key': API_KEY })).status, 201);
    assert.equal((await post({ 'x-api-key': `${API_KEY}x` })).status, 401);
  });

  it('accepts an Entra ID token for the configured audience and issuer', async () => {
    const token = await identity.sign({ aud: AUDIENCE, appid: 'contact-center-platform' });
    assert.equal((await post({ authorization: `Bearer ${token}` })).status, 201);
  });

  it("refuses another tenant's audience or issuer, an expired token and a forged signature", async () => {
    const tokens = [
      await identity.sign({ aud: 'api://someone-elses-app', appid: 'x' }),
      await identity.sign({ aud: AUDIENCE, appid: 'x', iss: issuerFor(OTHER_TENANT) }),
      await identity.sign({ aud: AUDIENCE, appid: 'x', expiresIn: -600 }),
      await identity.sign({ aud: AUDIENCE, appid: 'x' }, await strangerKey()),
      'not-a-jwt',
    ];
    for (const token of tokens) {
      const result = await post({ authorization: `Bearer ${token}` });
      assert.equal(result.status, 401, token);
      assert.match(result.body.error?.message ?? '', /not valid/);
    }
  });

  it('the event stream and the list need credentials too (the page passes access_token)', async () => {
    const refused = readEvents(service.origin, 'anything');
    assert.equal(await refused.opened, 401);
    refused.close();
    const allowed = readEvents(service.origin, 'anything', API_KEY);
    assert.equal(await allowed.opened, 200);
    allowed.close();
    assert.equal((await call(service.origin, 'GET', '/api/conversations', undefined, {})).status, 401);
  });

  it("the page's subscription is protected like the page's other calls; on the embedded default it is the event stream", async () => {
    const route = `/api/conversations/${encodeURIComponent('conv 1')}/subscription`;
    assert.equal((await call(service.origin, 'GET', route, undefined, {})).status, 401);
    assert.equal((await call(service.origin, 'GET', route, undefined, { authorization: 'Bearer wrong-key' })).status, 401);
    const given = await call(service.origin, 'GET', route);
    assert.equal(given.status, 200);
    assert.deepEqual(given.body, { transport: 'sse', url: '/api/conversations/conv%201/events' });
  });

  it('refuses to start with only part of the Entra settings', () => {
    assert.throws(() => createAssistAuth({ ASSIST_ENTRA_ISSUER: issuerFor(TENANT_ID), ASSIST_ENTRA_AUDIENCE: undefined, ASSIST_ENTRA_JWKS_URL: undefined, ASSIST_API_KEY: undefined }), AuthConfigError);
  });

  it('with nothing configured, authentication is off (and the server warns)', async () => {
    const open = createAssistAuth({ ASSIST_API_KEY: undefined, ASSIST_ENTRA_ISSUER: undefined, ASSIST_ENTRA_AUDIENCE: undefined, ASSIST_ENTRA_JWKS_URL: undefined });
    assert.equal(open.disabled, true);
    assert.deepEqual(await open.check({}), { ok: true, principal: 'anonymous', roles: null });
    const unprotected = await startAssistService({});
    try {
      assert.ok(unprotected.logs.some((line) => /THE ASSIST API IS UNPROTECTED/.test(line.msg)));
    } finally {
      await unprotected.close();
    }
  });
});
