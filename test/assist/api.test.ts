import assert from 'node:assert/strict';
import type { RunningService } from '../bot/helpers/service.js';
import { actionActivity, postActivity } from '../bot/helpers/service.js';
import { API_KEY, call, message, newConversationId, startAssistService } from './helpers.js';
import { readEvents } from './sse.js';

describe('the assisted-service API', function () {
  this.timeout(60_000);
  let service: RunningService;

  before(async () => {
    service = await startAssistService();
  });

  after(async () => {
    await service?.close();
  });

  const messages = (id: string) => `/api/conversations/${encodeURIComponent(id)}/messages`;

  describe('bad input gets a 400 naming what is wrong', () => {
    it('names every missing or wrong field', async () => {
      const result = await call(service.origin, 'POST', messages('bad-1'), { role: 'supervisor', text: '' });
      assert.equal(result.status, 400);
      assert.equal(result.body.error?.code, 'BadArgument');
      assert.match(result.body.error?.message ?? '', /id: /);
      assert.match(result.body.error?.message ?? '', /role: must be "customer" or "representative"/);
      assert.match(result.body.error?.message ?? '', /text: must not be empty/);
    });

    it('refuses broken JSON, unknown fields, a bad time and an over-long conversation id', async () => {
      const broken = await call(service.origin, 'POST', messages('bad-2'), '{"id": ');
      assert.equal(broken.status, 400);
      assert.match(broken.body.error?.message ?? '', /^body: not valid JSON/);
      const extra = await call(service.origin, 'POST', messages('bad-2'), { ...message('m1', 'customer', 'hi'), priority: 'high' });
      assert.equal(extra.status, 400);
      assert.match(extra.body.error?.message ?? '', /priority/);
      const time = await call(service.origin, 'POST', messages('bad-2'), { ...message('m1', 'customer', 'hi'), at: 'yesterday' });
      assert.equal(time.status, 400);
      assert.match(time.body.error?.message ?? '', /^at: must be an ISO 8601 time/);
      const long = await call(service.origin, 'POST', messages('x'.repeat(401)), message('m1', 'customer', 'hi'));
      assert.equal(long.status, 400);
      assert.match(long.body.error?.message ?? '', /^conversationId: must be at most 400 characters/);
      assert.equal(await service.app.conversations.get('bad-2'), null);
    });

    it('answers 404 for a conversation that does not exist and 400 for an unknown intent', async () => {
      const missing = await call(service.origin, 'POST', '/api/conversations/never-seen/reject-intent', { intent: 'order-status' });
      assert.equal(missing.status, 404);
      assert.match(missing.body.error?.message ?? '', /no conversation "never-seen"/);
      const id = newConversationId('unknown-intent');
      await call(service.origin, 'POST', messages(id), message('m1', 'customer', 'where is my order?'));
      const unknown = await call(service.origin, 'POST', `/api/conversations/${id}/reject-intent`, { intent: 'time-travel' });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error?.message ?? '', /intent: "time-travel" is not an intent/);
    });
  });

  describe("a representative's rating", () => {
    it('keeps a thumbs-down with its note, masked, and shows the latest rating in the view', async () => {
      const id = newConversationId('feedback');
      await call(service.origin, 'POST', messages(id), message('c1', 'customer', 'my llama ate the warranty card'));
      const down = await call(service.origin, 'POST', `/api/conversations/${id}/feedback`, { rating: 'down', note: 'wanted a refund, mail me at ana@example.com' });
      assert.equal(down.status, 200);
      assert.equal(down.body.view?.feedback, 'down');
      const stored = await service.app.conversations.get(id);
      assert.equal(stored?.feedback.length, 1);
      assert.equal(stored?.feedback[0]?.rating, 'down');
      assert.equal(stored?.feedback[0]?.turn, 1);
      assert.doesNotMatch(stored?.feedback[0]?.note ?? '', /ana@example\.com/);
      const up = await call(service.origin, 'POST', `/api/conversations/${id}/feedback`, { rating: 'up' });
      assert.equal(up.body.view?.feedback, 'up');
      assert.deepEqual((await service.app.conversations.get(id))?.feedback.map((f) => f.rating), ['down', 'up']);
    });

    it('refuses a rating that is not down or up, and answers 404 for an unknown conversation', async () => {
      const id = newConversationId('feedback-bad');
      await call(service.origin, 'POST', messages(id), message('c1', 'customer', 'where is my order?'));
      const bad = await call(service.origin, 'POST', `/api/conversations/${id}/feedback`, { rating: 'sideways', mood: 1 });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error?.code, 'BadArgument');
      assert.match(bad.body.error?.message ?? '', /rating: must be "down" or "up"/);
      assert.match(bad.body.error?.message ?? '', /mood/);
      assert.deepEqual((await service.app.conversations.get(id))?.feedback, []);
      const missing = await call(service.origin, 'POST', '/api/conversations/never-rated/feedback', { rating: 'down' });
      assert.equal(missing.status, 404);
    });
  });

  describe('messages', () => {
    it('a message posted twice with the same id is stepped once', async () => {
      const id = newConversationId('idempotent');
      const first = await call(service.origin, 'POST', messages(id), message('m1', 'customer', 'Where is my order? It has not arrived'));
      const again = await call(service.origin, 'POST', messages(id), message('m1', 'customer', 'Where is my order? It has not arrived'));
      assert.equal(first.status, 201);
      assert.equal(again.status, 200);
      assert.equal(again.body.duplicate, true);
      const stored = await service.app.conversations.get(id);
      assert.equal(stored?.turnCount, 1);
      assert.equal(stored?.turns.length, 1);
    });

    it('keeps messages in the order they were posted, with their role and time', async () => {
      const id = newConversationId('order');
      const at = '2026-03-02T10:00:00.000Z';
      await call(service.origin, 'POST', messages(id), { ...message('c1', 'customer', 'My order has not arrived'), at });
      await call(service.origin, 'POST', messages(id), message('r1', 'representative', "Sorry about that. What's your order number?"));
      await call(service.origin, 'POST', messages(id), message('c2', 'customer', 'BL-4471220'));
      const stored = await service.app.conversations.get(id);
      assert.deepEqual(
        stored?.turns.map((turn) => [turn.messageId, turn.role]),
        [
          ['c1', 'customer'],
          ['r1', 'agent'],
          ['c2', 'customer'],
        ],
      );
      assert.equal(stored?.turns[0]?.at, at);
    });

    it('loses nothing when many messages reach one conversation at once', async () => {
      const id = newConversationId('concurrent');
      const ids = Array.from({ length: 12 }, (_, index) => `c${index}`);
      const results = await Promise.all(ids.map((messageId) => call(service.origin, 'POST', messages(id), message(messageId, 'customer', `My order has not arrived (${messageId})`))));
      assert.deepEqual(
        results.map((result) => result.status),
        ids.map(() => 201),
      );
      const stored = await service.app.conversations.get(id);
      assert.equal(stored?.turnCount, ids.length);
      assert.deepEqual(stored?.turns.map((turn) => turn.messageId).sort(), [...ids].sort());
    });

    it("tracks the intent, the representative's question and the customer's answer, and keeps intent changes with their message", async () => {
      const id = newConversationId('tracking');
      const first = await call(service.origin, 'POST', messages(id), message('c1', 'customer', "Hi, my order hasn't arrived yet"));
      assert.equal(first.body.view?.intent?.id, 'order-status');
      const asked = await call(service.origin, 'POST', messages(id), message('r1', 'representative', 'Could you give me your order number?'));
      assert.equal(asked.body.view?.questions.find((question) => question.attribute === 'orderNumber')?.answered, false);
      const answered = await call(service.origin, 'POST', messages(id), message('c2', 'customer', 'BL-4471220'));
      const ticked = answered.body.view?.questions.find((question) => question.attribute === 'orderNumber');
      assert.equal(ticked?.answered, true);
      assert.equal(ticked?.answer, 'BL-4471220');
      assert.deepEqual(
        answered.body.view?.known.map((known) => [known.name, known.source]),
        [['orderNumber', 'assisted']],
      );
      const changed = await call(service.origin, 'POST', messages(id), message('c3', 'customer', "Also my new TV won't turn on at all"));
      assert.equal(changed.body.view?.intent?.id, 'device-wont-power-on');
      assert.equal(changed.body.view?.earlierIntents[0]?.id, 'order-status');
      const stored = await service.app.conversations.get(id);
      assert.deepEqual(
        stored?.intentHistory.map((entry) => [entry.intent, entry.messageId]),
        [
          ['order-status', 'c1'],
          ['device-wont-power-on', 'c3'],
        ],
      );
      assert.match(stored?.intentHistory[1]?.text ?? '', /TV won't turn on/);
    });

    it('a rejected intent is replaced and never suggested again in that conversation', async () => {
      const id = newConversationId('reject');
      await call(service.origin, 'POST', messages(id), message('c1', 'customer', "my order hasn't arrived"));
      const rejected = await call(service.origin, 'POST', `/api/conversations/${id}/reject-intent`, { intent: 'order-status' });
      assert.equal(rejected.status, 200);
      assert.notEqual(rejected.body.view?.intent?.id, 'order-status');
      assert.deepEqual(rejected.body.view?.rejectedIntents, ['order-status']);
      const again = await call(service.origin, 'POST', messages(id), message('c2', 'customer', 'where is my order? it has not arrived'));
      assert.notEqual(again.body.view?.intent?.id, 'order-status');
    });

    it('search again refreshes the solutions, with a query of its own when given', async () => {
      const id = newConversationId('search');
      await call(service.origin, 'POST', messages(id), message('c1', 'customer', 'my tv shows error code E42'));
      const searched = await call(service.origin, 'POST', `/api/conversations/${id}/search-again`, { query: 'track my parcel' });
      assert.equal(searched.status, 200);
      assert.ok((searched.body.view?.solutions.length ?? 0) > 0);
      assert.equal((await service.app.conversations.get(id))?.query, 'track my parcel');
    });
  });

  describe('hand-off', () => {
    it('carries values over, marks them as from the hand-off, and moves the conversation to assisted', async () => {
      const id = newConversationId('handoff-api');
      const result = await call(service.origin, 'POST', `/api/conversations/${id}/handoff`, { reason: 'asked for a person', attributes: { orderNumber: 'BL-1234567' } });
      assert.equal(result.status, 200);
      assert.equal(result.body.view?.phase, 'assisted');
      assert.deepEqual(result.body.view?.known.map((known) => [known.name, known.value, known.source]), [['orderNumber', 'BL-1234567', 'handoff']]);
    });

    it("the skill's Handoff action shares the path: values gathered in self-service show as from self-service", async () => {
      const id = newConversationId('handoff-skill');
      await postActivity(service.origin, actionActivity('Assist', { text: "my order hasn't arrived, it's BL-4471220", conversationId: id }));
      const handed = await postActivity(service.origin, actionActivity('Handoff', { conversationId: id, reason: 'customer asked for a person' }));
      assert.equal(handed.status, 200);
      const view = await call(service.origin, 'GET', `/api/conversations/${id}`);
      assert.equal(view.body.view?.phase, 'assisted');
      assert.deepEqual(view.body.view?.known.map((known) => [known.name, known.source]), [['orderNumber', 'self-service']]);
      assert.deepEqual(view.body.view?.route, {
        intentId: 'order-status',
        intentName: 'Order status',
        groupId: 'orders',
        groupName: 'Orders and delivery',
        lineOfBusinessId: 'retail',
        lineOfBusinessName: 'Retail orders',
        queue: 'orders-delivery',
        skills: ['orders', 'carriers'],
        priority: 5,
      });
      const next = await call(service.origin, 'POST', messages(id), message('c9', 'customer', 'I used my email alex@example.com'));
      assert.equal(next.body.view?.known.find((known) => known.name === 'orderNumber')?.source, 'self-service');
    });
  });

  describe('replies the service delivers, and the hand back', () => {
    /** A customer in Web Chat (the local Direct Line) who asked for a person: a conversation whose customer the service reaches. */
    async function webChatCustomerAskingForAPerson(): Promise<string> {
      const directLine = (path: string, token?: string, body?: unknown) =>
        fetch(`${service.origin}/v3/directline${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }).then(async (response) => (await response.json()) as { token?: string; conversationId?: string });
      const { token, conversationId } = await directLine('/tokens/generate');
      assert.ok(token && conversationId);
      await directLine('/conversations', token, {});
      await directLine(`/conversations/${conversationId}/activities`, token, { type: 'message', text: 'Talk to a person', from: { id: 'dl_customer' } });
      return conversationId;
    }

    it('names what is wrong with a reply or a hand back', async () => {
      const id = await webChatCustomerAskingForAPerson();
      const bad = await call(service.origin, 'POST', `/api/conversations/${id}/replies`, { text: ' ', role: 'representative' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error?.message ?? '', /id: /);
      assert.match(bad.body.error?.message ?? '', /text: must not be empty/);
      assert.match(bad.body.error?.message ?? '', /role/);
      const back = await call(service.origin, 'POST', `/api/conversations/${id}/hand-back`, { reason: 'done' });
      assert.equal(back.status, 400);
      assert.match(back.body.error?.message ?? '', /reason/);
      assert.equal((await service.app.conversations.get(id))?.phase, 'assisted', 'nothing changed');
    });

    it('streams the reply as sending, then its delivery, then the hand back, and the list shows the conversation back in self-service', async () => {
      const id = await webChatCustomerAskingForAPerson();
      const stream = readEvents(service.origin, id, API_KEY);
      await stream.opened;
      const sent = await call(service.origin, 'POST', `/api/conversations/${id}/replies`, { id: 'rep-1', text: 'Hello, Sam here.' });
      assert.equal(sent.status, 201);
      const sending = await stream.next((event) => event.cause.kind === 'representative-reply');
      assert.deepEqual(sending.cause, { kind: 'representative-reply', messageId: 'rep-1' });
      assert.deepEqual(sending.view.turns.at(-1)?.delivery, { status: 'sending' });
      const delivered = await stream.next((event) => event.cause.kind === 'reply-delivered');
      assert.deepEqual(delivered.view.turns.at(-1)?.delivery, { status: 'delivered' });
      assert.equal(delivered.view.replyChannel, 'directline');

      await call(service.origin, 'POST', `/api/conversations/${id}/hand-back`, {});
      const back = await stream.next((event) => event.cause.kind === 'hand-back');
      stream.close();
      assert.deepEqual([back.view.phase, back.view.handoff], ['self-service', null]);
      const list = await call(service.origin, 'GET', '/api/conversations?activeMinutes=5');
      const row = (list.body.conversations as Array<{ conversationId: string; phase: string; escalated: boolean }>).find((item) => item.conversationId === id);
      assert.deepEqual([row?.phase, row?.escalated], ['self-service', false]);
    });
  });

  describe('the event stream and the list', () => {
    it('every open stream of a conversation gets the view after each message', async () => {
      const id = newConversationId('fan-out');
      const streams = [readEvents(service.origin, id, API_KEY), readEvents(service.origin, id, API_KEY)];
      await Promise.all(streams.map((stream) => stream.opened));
      await call(service.origin, 'POST', messages(id), message('c1', 'customer', 'my tv shows error code E42'));
      const events = await Promise.all(streams.map((stream) => stream.next((event) => event.cause.kind === 'message')));
      for (const event of events) {
        assert.deepEqual(event.cause, { kind: 'message', messageId: 'c1' });
        assert.equal(event.view.intent?.id, 'device-error-code');
      }
      streams.forEach((stream) => stream.close());
    });

    it('a stream opened later starts with the current view', async () => {
      const id = newConversationId('snapshot');
      await call(service.origin, 'POST', messages(id), message('c1', 'customer', 'my tv shows error code E42'));
      const stream = readEvents(service.origin, id, API_KEY);
      const first = await stream.next(() => true);
      stream.close();
      assert.equal(first.cause.kind, 'snapshot');
      assert.equal(first.view.turnCount, 1);
    });

    it('lists active conversations with their intent and how long the customer has waited', async () => {
      const id = newConversationId('listed');
      await call(service.origin, 'POST', messages(id), message('c1', 'customer', 'my tv shows error code E42'));
      const list = await call(service.origin, 'GET', '/api/conversations?activeMinutes=5');
      const row = (list.body.conversations as Array<{ conversationId: string; intent: { id: string } | null; waitSeconds: number }>).find((item) => item.conversationId === id);
      assert.equal(row?.intent?.id, 'device-error-code');
      assert.ok((row?.waitSeconds ?? -1) >= 0);
      const bad = await call(service.origin, 'GET', '/api/conversations?activeMinutes=forever');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error?.message ?? '', /^activeMinutes: /);
    });
  });
});
