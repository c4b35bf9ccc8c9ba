import assert from 'node:assert/strict';
import sinon from 'sinon';
import { BODY_LIMITS } from '../../src/server/body-limits.js';
import { API_KEY } from '../assist/helpers.js';
import { LocalIdentity, TENANT_ID } from '../bot/helpers/local-identity.js';
import { MCP_KEY } from '../mcp/client.js';
import { actionActivity, startService, type RunningService } from '../bot/helpers/service.js';
import { assertError, request } from './http.js';

const SKILL_APP_ID = '3c9f6a1e-52b7-4d08-a1e3-6f2d9b7c4a51';

/** A JSON object of exactly `bytes` bytes. */
function bodyOf(bytes: number): string {
  const head = '{"text": "';
  const tail = '"}';
  return `${head}${'x'.repeat(bytes - head.length - tail.length)}${tail}`;
}

describe('every route answers every failure with one error body', function () {
  this.timeout(60_000);
  let identity: LocalIdentity;
  let service: RunningService;
  let directLine: { token: string; conversationId: string };

  before(async () => {
    identity = await LocalIdentity.start();
    // Every surface at once: the skill with authentication on (no test here sends a token, so no caller needs
    // allowing), the local Direct Line endpoint turned on anyway, and the assist API with a key.
    service = await startService({
      MicrosoftAppId: SKILL_APP_ID,
      MicrosoftAppTenantId: TENANT_ID,
      MicrosoftAppPassword: 'placeholder-not-used',
      BOT_OPENID_METADATA_URL: identity.metadataUrl,
      LOCAL_WEB_CHAT: 'true',
      ASSIST_API_KEY: API_KEY,
      MCP_API_KEY: MCP_KEY,
    });
    const issued = await request(service.origin, 'POST', '/v3/directline/tokens/generate');
    directLine = issued.body as { token: string; conversationId: string };
  });

  after(async () => {
    await service?.close();
    await identity?.close();
  });

  /** The routes that take a JSON body, with what each needs to get past its caller check. */
  const jsonSurfaces = (): Array<{ surface: string; route: string; headers: Record<string, string>; limit: number }> => [
    { surface: 'the Bot Framework endpoint', route: '/api/messages', headers: {}, limit: BODY_LIMITS.botMessages },
    {
      surface: 'the local Direct Line endpoint',
      route: `/v3/directline/conversations/${directLine.conversationId}/activities`,
      headers: { authorization: `Bearer ${directLine.token}` },
      limit: BODY_LIMITS.directLine,
    },
    { surface: 'the assist API', route: '/api/conversations/errors-1/messages', headers: { authorization: `Bearer ${API_KEY}` }, limit: BODY_LIMITS.assistApi },
    { surface: 'MCP', route: '/mcp', headers: { authorization: `Bearer ${MCP_KEY}`, accept: 'application/json, text/event-stream' }, limit: BODY_LIMITS.mcp },
  ];

  describe('unknown routes: 404 NotFound naming the path', () => {
    for (const [surface, route] of [
      ['the Bot Framework endpoint', '/api/messages/extra'],
      ['the skill manifest', '/manifests/other-manifest.json'],
      ['the local Direct Line endpoint', '/v3/directline/conversations/abc/stream'],
      ['the /chat page', '/chat/missing.js'],
      ['the assist API', '/api/conversations/abc/transfer'],
      ['the assist pages', '/assist/abc/extra'],
      ['MCP', '/mcp/extra'],
      ['health', '/healthz/deep'],
      ['the root', '/nowhere'],
    ] as const) {
      it(`${surface}: GET ${route}`, async () => {
        assertError(await request(service.origin, 'GET', route), 404, 'NotFound', new RegExp(`^GET ${route}: no such route$`));
      });
    }

    it('the assist pages: a file that is not one of theirs', async () => {
      assertError(await request(service.origin, 'GET', '/assist-files/missing.js'), 404, 'NotFound', /^no file "missing\.js"$/);
    });
  });

  describe('wrong methods: 405 MethodNotAllowed with an Allow header', () => {
    for (const [surface, method, route, allowed] of [
      ['the Bot Framework endpoint', 'GET', '/api/messages', 'POST'],
      ['the skill manifest', 'POST', '/manifests/skill-manifest.json', 'GET'],
      ['the local Direct Line endpoint', 'GET', '/v3/directline/tokens/generate', 'POST'],
      ['the local Direct Line endpoint', 'DELETE', '/v3/directline/conversations/abc/activities', 'GET, POST'],
      ['the /chat page', 'POST', '/chat', 'GET'],
      ['the assist API', 'DELETE', '/api/conversations/abc', 'GET'],
      ['the assist API', 'PUT', '/api/conversations/abc/messages', 'POST'],
      ['the assist pages', 'POST', '/assist', 'GET'],
      ['MCP', 'GET', '/mcp', 'POST'],
      ['MCP', 'DELETE', '/mcp', 'POST'],
      ['health', 'POST', '/healthz', 'GET'],
    ] as const) {
      it(`${surface}: ${method} ${route}`, async () => {
        const answer = await request(service.origin, method, route);
        assertError(answer, 405, 'MethodNotAllowed', new RegExp(`^${method} is not allowed on ${route}; allowed: ${allowed}$`));
        assert.equal(answer.headers.get('allow'), allowed);
      });
    }
  });

  describe('invalid JSON: 400 BadArgument with the parser’s reason', () => {
    it('on every route that takes a body', async () => {
      for (const { surface, route, headers } of jsonSurfaces()) {
        const answer = await request(service.origin, 'POST', route, { body: '{"type": "message", ', headers });
        assertError(answer, 400, 'BadArgument', /^body: not valid JSON \(.+\)$/, surface);
      }
    });
  });

  describe('bodies over the limit: 413 PayloadTooLarge naming the limit', () => {
    it('on every route that takes a body, while a body of exactly the limit is read', async () => {
      for (const { surface, route, headers, limit } of jsonSurfaces()) {
        const over = await request(service.origin, 'POST', route, { body: bodyOf(limit + 1), headers });
        assertError(over, 413, 'PayloadTooLarge', new RegExp(`^the body has ${limit + 1} bytes; this route takes at most ${limit} \\(${limit / 1024} KiB\\)$`), surface);
        // Exactly the limit gets through to the route, which names what is wrong with it.
        const atLimit = await request(service.origin, 'POST', route, { body: bodyOf(limit), headers });
        assert.equal(atLimit.status, 400, `${surface}: ${JSON.stringify(atLimit.body)}`);
      }
    });

    it('a 1 MiB body too', async () => {
      const answer = await request(service.origin, 'POST', '/api/messages', { body: bodyOf(1024 * 1024) });
      assertError(answer, 413, 'PayloadTooLarge', /at most 262144 \(256 KiB\)/);
    });
  });

  describe('bodies that are not plain JSON: 415 UnsupportedMediaType', () => {
    it('a Content-Type other than JSON, on every route that takes a body', async () => {
      for (const { surface, route, headers } of jsonSurfaces()) {
        const answer = await request(service.origin, 'POST', route, { body: 'type=message&text=hi', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } });
        assertError(answer, 415, 'UnsupportedMediaType', /^Content-Type "application\/x-www-form-urlencoded" is not supported: send application\/json$/, surface);
      }
    });

    it('a compressed body, on every route that takes a body', async () => {
      for (const { surface, route, headers } of jsonSurfaces()) {
        const answer = await request(service.origin, 'POST', route, { body: '{}', headers: { ...headers, 'content-encoding': 'gzip' } });
        assertError(answer, 415, 'UnsupportedMediaType', /^Content-Encoding "gzip" is not supported: send the body uncompressed$/, surface);
      }
    });

    it('takes JSON with a charset and the +json types', async () => {
      const answer = await request(service.origin, 'POST', '/api/conversations/errors-2/messages', {
        body: { id: 'm1', role: 'customer', text: 'where is my order?' },
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json; charset=utf-8' },
      });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      const activity = await request(service.origin, 'POST', `/v3/directline/conversations/${directLine.conversationId}/activities`, {
        body: { type: 'typing', from: { id: 'me' } },
        headers: { authorization: `Bearer ${directLine.token}`, 'content-type': 'application/vnd.example+json' },
      });
      assert.equal(activity.status, 200, JSON.stringify(activity.body));
    });
  });

  describe('callers who are not let in', () => {
    it('the Bot Framework endpoint: 401 Unauthorized without a token', async () => {
      // botbuilder prints every refused request to console.error.
      const quiet = sinon.stub(console, 'error');
      try {
        const answer = await request(service.origin, 'POST', '/api/messages', { body: actionActivity('DetectIntent', { text: 'my tv is broken' }) });
        assertError(answer, 401, 'Unauthorized', /a valid Bot Framework token is required/);
      } finally {
        quiet.restore();
      }
    });

    it('the local Direct Line endpoint: 403 TokenExpired for a token it did not issue', async () => {
      const answer = await request(service.origin, 'GET', `/v3/directline/conversations/${directLine.conversationId}/activities`, { headers: { authorization: 'Bearer forged' } });
      assertError(answer, 403, 'TokenExpired', /get one from POST \/v3\/directline\/tokens\/generate/);
    });

    it('the assist API: 401 Unauthorized, before a body is read', async () => {
      const answer = await request(service.origin, 'POST', '/api/conversations/errors-3/messages', { body: bodyOf(1024 * 1024), headers: { authorization: 'Bearer wrong-key' } });
      assertError(answer, 401, 'Unauthorized', /^the API key is not valid$/);
      assertError(await request(service.origin, 'GET', '/api/conversations'), 401, 'Unauthorized', /^missing credentials/);
    });
  });

  describe('failures of the service itself', () => {
    it('an unexpected error: 500 ServerError, the detail only in the log', async () => {
      service.server.get('/test/fails', async () => {
        throw new Error('the secret detail 4417');
      });
      const answer = await request(service.origin, 'GET', '/test/fails');
      assertError(answer, 500, 'ServerError', /^the request failed; the details are in the service log$/);
      const logged = service.logs.find((line) => line.msg === 'request failed');
      assert.match(JSON.stringify(logged?.err), /the secret detail 4417/);
      assert.equal(logged?.path, '/test/fails');
    });

    it('readiness without the configured library: 503 NotReady naming it', async () => {
      const unready = await startService({ LIBRARY_ID: 'not-stored' });
      try {
        assertError(await request(unready.origin, 'GET', '/readyz'), 503, 'NotReady', /^no library "not-stored" is stored$/);
      } finally {
        await unready.close();
      }
    });

    it('still serves after all of the above', async () => {
      assert.equal((await request(service.origin, 'GET', '/healthz')).status, 200);
    });
  });
});
