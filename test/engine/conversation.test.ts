import assert from 'node:assert/strict';
import sinon from 'sinon';
import { openApp } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { DuplicateMessageError } from '../../src/engine/errors.js';
import type { Turn } from '../../src/engine/state.js';
import { customer, demoConversations } from './demo-conversations.js';

describe('self-service conversations on the demo library', function () {
  this.timeout(60_000);
  const demo = demoConversations('test');
  const { fresh, talk } = demo;

  it('recognizes the intent and asks the required question first', async () => {
    const { insight, state } = await talk(fresh(), 'Hi, where is my order? It still has not arrived');
    assert.equal(insight.intent?.id, 'order-status');
    assert.equal(insight.intent?.groupId, 'orders');
    assert.equal(insight.status, 'need-info');
    assert.equal(insight.nextQuestions[0]?.attribute, 'orderNumber');
    assert.equal(state.pending, 'orderNumber');
  });

  it('binds a bare answer to the question just asked, then returns solutions', async () => {
    const id = fresh();
    await talk(id, 'where is my order?');
    const { insight, state } = await talk(id, "it's BL-4471220");
    assert.equal(insight.intent?.id, 'order-status', 'an answer does not change the intent');
    assert.deepEqual(insight.answered.map((a) => [a.name, a.value]), [['orderNumber', 'BL-4471220']]);
    assert.equal(insight.status, 'ready');
    assert.ok(!insight.nextQuestions.some((q) => q.attribute === 'orderNumber'), 'never asks again what is answered');
    assert.ok(insight.solutions.length > 0, 'solutions once the intent is known');
    assert.ok(insight.query?.includes('BL-4471220'));
    assert.equal(state.attributes.orderNumber?.source, 'self-service');
  });

  it('takes values the customer gave before being asked', async () => {
    const { insight } = await talk(fresh(), 'My TV shows error code E42 and then goes black');
    assert.equal(insight.intent?.id, 'device-error-code');
    const answered = Object.fromEntries(insight.answered.map((a) => [a.name, a.value]));
    assert.equal(answered.errorCode, 'E42');
    assert.equal(answered.deviceType, 'tv');
    assert.ok(!insight.nextQuestions.some((q) => q.attribute === 'errorCode' || q.attribute === 'deviceType'));
    assert.ok(insight.solutions.some((s) => /E42|error/i.test(`${s.title} ${s.snippet}`)), JSON.stringify(insight.solutions.map((s) => s.title)));
  });

  it('switches intent only when the customer clearly asks for something else, and keeps the history', async () => {
    const id = fresh();
    await talk(id, 'where is my order?');
    const kept = await talk(id, 'ok');
    assert.equal(kept.insight.intent?.id, 'order-status');
    const { insight, state } = await talk(id, 'Actually forget that, I was charged twice for the same order on my card');
    assert.equal(insight.intent?.id, 'duplicate-charge');
    assert.equal(insight.intentChanged, true);
    assert.deepEqual(state.intentHistory.map((h) => h.intent), ['order-status', 'duplicate-charge']);
    assert.match(state.intentHistory[1]?.text ?? '', /charged twice/);
  });

  it('keeps the intent when the customer just gives a value, even one another intent also uses', async () => {
    const id = fresh();
    await talk(id, 'My TV shows error code E42');
    const { insight } = await talk(id, "it's a TV40118273");
    assert.equal(insight.intent?.id, 'device-error-code');
    assert.deepEqual(insight.answered.map((a) => [a.name, a.value]), [['serialNumber', 'TV40118273']]);
  });

  it('does not take a new request as the answer to a free-text question', async () => {
    const id = fresh();
    await talk(id, 'I need to make a warranty claim for my headphones, serial HP12345678');
    const { insight, state } = await talk(id, 'wait, actually where is my refund for the return I sent last week?');
    assert.equal(insight.intent?.id, 'refund-status');
    assert.equal(state.attributes.issueDescription, undefined);
  });

  it('says out of scope instead of guessing', async () => {
    const { insight } = await talk(fresh(), 'What will the weather be like in Lisbon tomorrow?');
    assert.equal(insight.status, 'out-of-scope');
    assert.equal(insight.intent, null);
    assert.deepEqual(insight.nextQuestions, []);
  });

  it('masks personal data in the stored turns but keeps the values it needs', async () => {
    const id = fresh();
    await talk(id, "I'm locked out of my account");
    const { state } = await talk(id, 'my email is jane.roe@example.com and my phone is 555-0142');
    assert.equal(state.attributes.email?.value, 'jane.roe@example.com');
    const stored = state.turns.map((t) => t.text).join('\n');
    assert.ok(!stored.includes('jane.roe@example.com'), stored);
    assert.ok(!stored.includes('555-0142'), stored);
    assert.match(stored, /\[EMAIL\]/);
  });

  it('answers empty, huge, control-character and foreign messages with a sane outcome', async () => {
    const id = fresh();
    for (const text of ['', '   ', 'x'.repeat(100_000), 'where\u0000 is\u0007 my\u001b order', '我的订单在哪里', 'Wo ist meine Bestellung?']) {
      const { insight, state } = await demo.app.conversations.turn(id, customer(text), { channel: 'test' });
      assert.ok(['out-of-scope', 'clarify', 'need-info', 'ready'].includes(insight.status));
      assert.ok(state.turns.every((t) => t.text.length <= 1000));
      assert.ok(state.turns.every((t) => !/[\u0000-\u0008]/.test(t.text)));
    }
  });

  it('loses no turn when two messages of one conversation arrive at once', async () => {
    const id = fresh();
    await Promise.all([talk(id, 'where is my order'), talk(id, 'BL-4471220'), talk(id, 'thanks')]);
    const state = await demo.app.conversations.get(id);
    assert.equal(state?.turnCount, 3);
    assert.equal(state?.turns.length, 3);
  });

  it('takes a message delivered twice once, even at the same moment and long after', async () => {
    const id = fresh();
    const first: Turn = { role: 'customer', text: 'where is my order', messageId: 'm-1' };
    const outcomes = await Promise.allSettled([0, 1, 2].map(() => demo.app.conversations.turn(id, first, { channel: 'test' })));
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    assert.ok(outcomes.every((o) => o.status === 'fulfilled' || o.reason instanceof DuplicateMessageError));
    for (let i = 2; i <= 25; i += 1) await demo.app.conversations.turn(id, { role: 'customer', text: 'ok', messageId: `m-${i}` }, { channel: 'test' });
    await assert.rejects(demo.app.conversations.turn(id, first, { channel: 'test' }), DuplicateMessageError);
    assert.equal((await demo.app.conversations.get(id))?.turnCount, 25);
  });

  it('still asks its questions when the knowledge search fails, and says solutions are unavailable', async () => {
    const failing = sinon.stub(demo.app.search, 'search').rejects(new Error('search is down'));
    try {
      const { insight } = await talk(fresh(), 'I want to return the headphones I bought');
      assert.equal(insight.intent?.id, 'start-return');
      assert.equal(insight.solutionsAvailable, false);
      assert.ok(insight.nextQuestions.length > 0);
      assert.ok(failing.called);
    } finally {
      failing.restore();
    }
  });
});

describe('the conversation service', () => {
  it('replays a turn on the newer state when another writer got there first', async () => {
    const app = await openApp(loadConfig({ SQLITE_PATH: ':memory:' }));
    try {
      const service = app.conversations;
      await service.turn('c', customer('where is my order'), { channel: 'test' });
      const stored = await app.conversationStore.get('c');
      assert.ok(stored);
      const put = sinon.spy(app.conversationStore, 'put');
      // Someone else writes between our read and our write: the first put must be refused and retried.
      const get = sinon.stub(app.conversationStore, 'get').callsFake(async (id) => {
        get.restore();
        const current = await app.conversationStore.get(id);
        await app.conversationStore.put({ ...current!.value, escalated: true }, current!.etag);
        return current;
      });
      await service.turn('c', customer('BL-4471220'), { channel: 'test' });
      const after = await app.conversationStore.get('c');
      assert.equal(after?.value.escalated, true, 'the other writer’s change survives');
      assert.equal(after?.value.attributes.orderNumber?.value, 'BL-4471220', 'and so does ours');
      assert.ok(put.callCount >= 3);
    } finally {
      await app.close();
    }
  });
});
