import assert from 'node:assert/strict';
import { LocalIdentity } from './helpers/local-identity.js';
import { RootBot } from './helpers/root-bot.js';
import { singleTenantBot, startService, type RunningService } from './helpers/service.js';

const SKILL_APP_ID = '3c9f6a1e-52b7-4d08-a1e3-6f2d9b7c4a51';
const ROOT_APP_ID = 'a8e2d4c6-1b3f-4e5a-9d7c-0f1e2d3c4b5a';

type Outputs = Record<string, unknown>;

describe('a root bot calling the skill actions through SkillDialog', () => {
  let identity: LocalIdentity;
  let service: RunningService;
  let root: RootBot;

  before(async () => {
    identity = await LocalIdentity.start();
    service = await startService(
      singleTenantBot(identity, SKILL_APP_ID, ROOT_APP_ID),
      { bot: { credentialsFactory: identity.credentialsFor(SKILL_APP_ID) } },
    );
    root = await RootBot.start({ identity, rootAppId: ROOT_APP_ID, skillAppId: SKILL_APP_ID, skillEndpoint: `${service.origin}/api/messages` });
  });

  after(async () => {
    await root.close();
    await service.close();
    await identity.close();
  });

  for (const deliveryMode of ['normal', 'expectReplies'] as const) {
    describe(`with ${deliveryMode} delivery`, () => {
      async function call(name: string, value: Outputs): Promise<Outputs> {
        const outcome = await root.call({ name, value, ...(deliveryMode === 'expectReplies' ? { deliveryMode } : {}) });
        return outcome.value as Outputs;
      }

      it('DetectIntent names the intent of a customer text', async () => {
        const out = await call('DetectIntent', { text: 'my tv shows error code E42 and will not start' });
        assert.equal(out.status, 'intent');
        assert.equal(out.intentId, 'device-error-code');
        assert.equal(out.intentName, 'Device error code');
        assert.ok(typeof out.confidence === 'number' && out.confidence > 0 && out.confidence <= 1);
        assert.ok(Array.isArray(JSON.parse(String(out.candidatesJson))));
      });

      it('Assist keeps state across calls that pass the same conversationId, until solutions come back', async () => {
        const conversationId = `copilot-${deliveryMode}-${Date.now()}`;
        const first = await call('Assist', { text: 'I want to know where my order is', conversationId });
        assert.equal(first.intentId, 'order-status');
        assert.equal(first.status, 'need-info');
        assert.equal(first.nextQuestionAttribute, 'orderNumber');
        assert.equal(first.conversationId, conversationId);
        const second = await call('Assist', { text: "It's BL-4471220", conversationId });
        assert.equal(second.status, 'ready');
        assert.deepEqual(JSON.parse(String(second.attributesJson)), { orderNumber: 'BL-4471220' });
        assert.ok(Number(second.solutionCount) > 0);
        assert.equal(typeof second.solution1Title, 'string');
        assert.match(String(second.solution1Url), /^https:\/\//);
      });

      it('GetNextQuestions lists the questions left, leaving out what the caller already knows', async () => {
        const out = await call('GetNextQuestions', { intentId: 'device-error-code', knownAttributesJson: '{"deviceType": "tv"}' });
        assert.equal(out.status, 'need-info');
        assert.equal(out.question1Attribute, 'errorCode');
        const attributes = (JSON.parse(String(out.questionsJson)) as Array<{ attribute: string }>).map((q) => q.attribute);
        assert.ok(!attributes.includes('deviceType'));
        assert.equal(out.questionCount, attributes.length);
      });

      it('SearchSolutions returns flattened solutions and the whole list as JSON', async () => {
        const out = await call('SearchSolutions', { query: 'TV error E42', top: 5 });
        assert.ok(Number(out.solutionCount) >= 1);
        assert.match(String(out.solution1Title), /E42/);
        const all = JSON.parse(String(out.solutionsJson)) as Array<{ title: string }>;
        assert.equal(all.length, out.solutionCount);
        assert.equal(all[0]?.title, out.solution1Title);
      });

      it('Handoff marks the conversation escalated and returns what was gathered', async () => {
        const conversationId = `handoff-${deliveryMode}-${Date.now()}`;
        await call('Assist', { text: 'my tv shows error code E42', conversationId });
        const out = await call('Handoff', { conversationId, reason: 'customer asked for a person' });
        assert.equal(out.escalated, true);
        assert.equal(out.intentId, 'device-error-code');
        assert.match(String(out.summary), /Device error code/);
        assert.match(String(out.summary), /customer asked for a person/);
        assert.deepEqual(
          [out.groupId, out.groupName, out.lineOfBusinessId, out.lineOfBusinessName, out.routingQueue, out.routingSkills, out.routingPriority],
          ['tech-support', 'Device support', 'devices', 'Devices & tech support', 'device-support', 'troubleshooting,devices', 5],
          'the demo routes device support by its group, the priority from its line of business',
        );
        assert.match(String(out.summary), /^Route: Devices & tech support, queue device-support, skills troubleshooting, devices, priority 5\.$/m);
        const stored = await service.app.conversations.get(conversationId);
        assert.equal(stored?.escalated, true);
        assert.equal(stored?.phase, 'assisted', 'the representative takes over after a hand-off');
      });

      it('a message in conversation mode gets the solutions card, then the skill ends the conversation itself', async () => {
        const outcome = await root.call({ type: 'message', text: 'my tv shows error code E42', ...(deliveryMode === 'expectReplies' ? { deliveryMode } : {}) });
        const value = outcome.value as Outputs;
        assert.equal(value.status, 'ready');
        assert.equal(value.intentId, 'device-error-code');
        const cards = outcome.messages.flatMap((message) => message.attachments ?? []);
        assert.equal(cards[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
        assert.match(JSON.stringify(cards[0]?.content), /E42/);
      });

      it('an unknown action still ends the conversation, with the reason', async () => {
        const out = await call('Translate', { text: 'hola' });
        assert.equal(out.errorCode, 'unknown-action');
        assert.match(String(out.errorMessage), /unknown action "Translate"/);
      });
    });
  }
});
