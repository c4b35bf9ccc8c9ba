import assert from 'node:assert/strict';
import sinon from 'sinon';
import { AgentsRoot } from './helpers/agents-root.js';
import { LocalIdentity } from './helpers/local-identity.js';
import { singleTenantBot, startService, type RunningService } from './helpers/service.js';

const SKILL_APP_ID = '3c9f6a1e-52b7-4d08-a1e3-6f2d9b7c4a51';
const ROOT_APP_ID = 'a8e2d4c6-1b3f-4e5a-9d7c-0f1e2d3c4b5a';
const STRANGER_APP_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';

describe('a root agent built with the Microsoft 365 Agents SDK calling the skill actions', () => {
  let identity: LocalIdentity;
  let service: RunningService;
  let root: AgentsRoot;

  before(async function () {
    this.timeout(120_000); // the shared service trains its classifier first, slower while others use the machine
    identity = await LocalIdentity.start();
    service = await startService(
      singleTenantBot(identity, SKILL_APP_ID, ROOT_APP_ID),
      { bot: { credentialsFactory: identity.credentialsFor(SKILL_APP_ID) } },
    );
    root = await AgentsRoot.start({ identity, rootAppId: ROOT_APP_ID, skillAppId: SKILL_APP_ID, skillEndpoint: `${service.origin}/api/messages` });
  });

  after(async () => {
    await root?.close();
    await service?.close();
    await identity?.close();
  });

  it('DetectIntent: the endOfConversation the skill posts back to the root agent names the intent', async () => {
    const outcome = await root.call({ type: 'event', name: 'DetectIntent', value: { text: 'my tv shows error code E42 and will not start' } });
    assert.equal(outcome.code, 'completedSuccessfully');
    assert.equal(outcome.value.status, 'intent');
    assert.equal(outcome.value.intentId, 'device-error-code');
    assert.equal(outcome.value.intentName, 'Device error code');
    assert.ok(typeof outcome.value.confidence === 'number' && outcome.value.confidence > 0 && outcome.value.confidence <= 1);
  });

  it('Assist keeps the conversation across calls with the same conversationId, asking, then answering with solutions', async () => {
    const conversationId = `agents-sdk-${Math.random().toString(36).slice(2)}`;
    const first = await root.call({ type: 'event', name: 'Assist', value: { text: 'I want to know where my order is', conversationId } });
    assert.equal(first.value.status, 'need-info');
    assert.equal(first.value.intentId, 'order-status');
    assert.equal(first.value.nextQuestionAttribute, 'orderNumber');
    assert.ok(String(first.value.replyText).endsWith(String(first.value.nextQuestion)), 'the reply to say to the customer asks the next question');
    assert.match(String(first.value.replyText), /order number/i);
    const second = await root.call({ type: 'event', name: 'Assist', value: { text: "It's BL-4471220", conversationId } });
    assert.equal(second.value.status, 'ready');
    assert.deepEqual(JSON.parse(String(second.value.attributesJson)), { orderNumber: 'BL-4471220' });
    assert.ok(Number(second.value.solutionCount) > 0);
    assert.match(String(second.value.solution1Url), /^https:\/\//);
    const stored = await service.app.conversations.get(conversationId);
    assert.equal(stored?.intent?.id, 'order-status');
  });

  it('a message gets the solutions card, which the root agent forwards to its own channel, then the end', async () => {
    const outcome = await root.call({ type: 'message', text: 'my tv shows error code E42' });
    assert.equal(outcome.value.status, 'ready');
    assert.equal(outcome.value.intentId, 'device-error-code');
    const cards = outcome.forwarded.flatMap((activity) => activity.attachments ?? []);
    assert.equal(cards[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(cards[0]?.content), /E42/);
  });

  it('an unknown action ends the conversation with the reason', async () => {
    const outcome = await root.call({ type: 'event', name: 'Translate', value: { text: 'hola' } });
    assert.equal(outcome.value.errorCode, 'unknown-action');
    assert.match(String(outcome.value.errorMessage), /unknown action "Translate"/);
  });

  it("the root agent takes the skill's replies only with a valid token from the skill, for a conversation it delegated", async () => {
    const reply = async (token: string | undefined, conversationId: string) =>
      fetch(`${root.callbackUrl}/v3/conversations/${conversationId}/activities/a1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ type: 'endOfConversation', channelId: 'test', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: conversationId }, value: { status: 'forged' } }),
      });
    assert.equal((await reply(undefined, 'c1')).status, 401);
    assert.equal((await reply(await identity.sign({ aud: STRANGER_APP_ID, appid: SKILL_APP_ID }), 'c1')).status, 401);
    assert.equal((await reply(await identity.sign({ aud: ROOT_APP_ID, appid: SKILL_APP_ID }), 'never-delegated')).status, 403);
  });

  describe('when the root agent gets its token for another audience', () => {
    let misdirected: AgentsRoot;
    let consoleError: sinon.SinonStub;

    before(async () => {
      consoleError = sinon.stub(console, 'error'); // botbuilder prints each refused token
      misdirected = await AgentsRoot.start({ identity, rootAppId: ROOT_APP_ID, skillAppId: STRANGER_APP_ID, skillEndpoint: `${service.origin}/api/messages` });
    });

    after(async () => {
      consoleError.restore();
      await misdirected?.close();
    });

    it('the skill refuses the call with 401 and stores nothing', async () => {
      const conversationId = `agents-sdk-refused-${Math.random().toString(36).slice(2)}`;
      await assert.rejects(misdirected.call({ type: 'event', name: 'Assist', value: { text: 'my tv shows error code E42', conversationId } }), /Failed to post activity to agent: Unauthorized/);
      assert.equal(await service.app.conversations.get(conversationId), null);
    });
  });
});
