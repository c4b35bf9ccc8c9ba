import assert from 'node:assert/strict';
import sinon from 'sinon';
import { LocalIdentity, issuerFor, strangerKey } from './helpers/local-identity.js';
import { actionActivity, endOfConversation, postActivity, singleTenantBot, startService, type RunningService } from './helpers/service.js';

const SKILL_APP_ID = '3c9f6a1e-52b7-4d08-a1e3-6f2d9b7c4a51';
const CALLER_APP_ID = 'a8e2d4c6-1b3f-4e5a-9d7c-0f1e2d3c4b5a';
const STRANGER_APP_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const OTHER_TENANT = '0d9c8b7a-6f5e-4d3c-2b1a-098765432100';

describe('skill calls with authentication on', () => {
  let identity: LocalIdentity;
  let service: RunningService;
  let consoleError: sinon.SinonStub;

  before(async () => {
    // botbuilder prints every refused token (stack traces, key dumps) to console.error.
    consoleError = sinon.stub(console, 'error');
    identity = await LocalIdentity.start();
    service = await startService(singleTenantBot(identity, SKILL_APP_ID, CALLER_APP_ID));
  });

  after(async () => {
    consoleError.restore();
    await service.close();
    await identity.close();
  });

  /** An Assist call on a fresh conversation; on refusal, that conversation must not exist afterwards. */
  async function callAssist(authorization: string | undefined): Promise<{ status: number; conversationId: string; result: Awaited<ReturnType<typeof postActivity>> }> {
    const conversationId = `security-${Math.random().toString(36).slice(2)}`;
    const activity = actionActivity('Assist', { text: 'my tv shows error E42', conversationId }, { conversationId });
    const result = await postActivity(service.origin, activity, authorization ? { authorization } : {});
    return { status: result.status, conversationId, result };
  }

  async function assertRefused(authorization: string | undefined, status: number): Promise<void> {
    const call = await callAssist(authorization);
    assert.equal(call.status, status, JSON.stringify(call.result.body));
    assert.equal(await service.app.conversations.get(call.conversationId), null, 'a refused call must not change any state');
  }

  it('runs the action for a valid token from an allowed caller', async () => {
    const token = await identity.sign({ aud: SKILL_APP_ID, appid: CALLER_APP_ID });
    const call = await callAssist(`Bearer ${token}`);
    assert.equal(call.status, 200);
    assert.equal(endOfConversation(call.result).code, 'completedSuccessfully');
    assert.notEqual(await service.app.conversations.get(call.conversationId), null);
  });

  it('refuses a token for another audience with 401', async () => {
    await assertRefused(`Bearer ${await identity.sign({ aud: STRANGER_APP_ID, appid: CALLER_APP_ID })}`, 401);
  });

  it('refuses an expired token with 401', async () => {
    await assertRefused(`Bearer ${await identity.sign({ aud: SKILL_APP_ID, appid: CALLER_APP_ID, expiresIn: -3600 })}`, 401);
  });

  it('refuses a token with a bad signature with 401', async () => {
    await assertRefused(`Bearer ${await identity.sign({ aud: SKILL_APP_ID, appid: CALLER_APP_ID }, await strangerKey())}`, 401);
  });

  it('refuses a token from an unknown issuer with 401', async () => {
    await assertRefused(`Bearer ${await identity.sign({ aud: SKILL_APP_ID, appid: CALLER_APP_ID, iss: issuerFor(OTHER_TENANT) })}`, 401);
  });

  it('refuses a valid token from a caller not on ALLOWED_CALLERS with 403', async () => {
    await assertRefused(`Bearer ${await identity.sign({ aud: SKILL_APP_ID, appid: STRANGER_APP_ID })}`, 403);
  });

  it('refuses a call without a token with 401', async () => {
    await assertRefused(undefined, 401);
    await assertRefused('Bearer', 401);
  });

  it('does not log the loud authentication-off warning', () => {
    assert.ok(!service.logs.some((line) => /AUTHENTICATION IS OFF/.test(line.msg)));
  });

  it('does not serve the local Web Chat endpoint unless asked to', async () => {
    const response = await fetch(`${service.origin}/v3/directline/tokens/generate`, { method: 'POST' });
    assert.equal(response.status, 404);
  });
});
