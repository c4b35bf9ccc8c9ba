import assert from 'node:assert/strict';
import { pino } from 'pino';
import sinon from 'sinon';
import { openApp, type App } from '../../src/app/app.js';
import { AssistService } from '../../src/assist/service.js';
import type { ResponseSuggester } from '../../src/assist/suggestions.js';
import { loadConfig } from '../../src/config.js';
import type { Insight } from '../../src/engine/insight.js';
import type { RunningService } from '../bot/helpers/service.js';
import { actionActivity, endOfConversation, postActivity } from '../bot/helpers/service.js';
import { API_KEY, call, message, newConversationId, startAssistService } from './helpers.js';
import { readEvents } from './sse.js';

const logger = pino({ level: 'silent' });
const customerSays = (id: string, text: string) => ({ id, role: 'customer' as const, text });

describe('every change of a conversation goes through the engine', function () {
  this.timeout(120_000);
  let app: App;

  before(async () => {
    app = await openApp(loadConfig({ SQLITE_PATH: ':memory:', LOG_LEVEL: 'silent' }), logger);
  });
  after(async () => app.close());

  it('after a thumbs-down, the next intent and search-again search what the conversation knows, never a template with braces', async () => {
    const id = newConversationId('thumbs-down');
    const search = sinon.spy(app.search, 'search');
    try {
      const first = await app.assist.postMessage(id, customerSays('m1', 'My TV shows error E42 and then the screen goes black'));
      assert.equal(first.view.intent?.id, 'device-error-code');
      const rejected = await app.assist.rejectIntent(id, 'device-error-code');
      assert.ok(rejected.intent && rejected.intent.id !== 'device-error-code', 'another intent took its place');
      assert.ok(rejected.solutions.length > 0, 'with solutions for it');
      const before = search.callCount;
      const again = await app.assist.searchAgain(id);
      assert.equal(search.callCount, before + 1);
      assert.ok(again.solutions.length > 0);
      const queries = search.getCalls().map((c) => c.args[0].text);
      assert.ok(queries.length >= 3, JSON.stringify(queries));
      assert.ok(queries.every((text) => !/[{}]/.test(text)), `a search got a raw template: ${JSON.stringify(queries)}`);
      assert.ok(queries.slice(1).every((text) => /\btv\b/i.test(text)), `the device the customer named is searched: ${JSON.stringify(queries)}`);
    } finally {
      search.restore();
    }
  });

  it("gives the response suggester the step's own insight: the values the turn answered and its runner-up intents", async () => {
    const seen: Insight[] = [];
    const suggester: ResponseSuggester = {
      async suggest(_state, insight) {
        seen.push(insight);
        return ['A reply written for this insight'];
      },
    };
    const assist = new AssistService({ conversations: app.conversations, live: () => app.live(), suggester, logger });
    const outcome = await assist.postMessage(newConversationId('suggest'), customerSays('m1', 'My TV shows error E42 and then the screen goes black'));
    assert.deepEqual(outcome.view.responses.items, ['A reply written for this insight']);
    const insight = seen.at(-1);
    assert.ok(insight);
    assert.equal(insight.intentChanged, true);
    assert.deepEqual(
      insight.answered.map((answer) => answer.name).sort(),
      ['deviceType', 'errorCode'],
      'the insight of the turn, not one rebuilt from the stored state',
    );
    assert.ok(insight.candidates.length > 0, 'with the turn’s runner-up intents');
  });
});

describe('conversations held by the assist API', function () {
  this.timeout(240_000);
  let service: RunningService;

  before(async () => {
    service = await startAssistService();
  });
  after(async () => service?.close());

  const route = (id: string, tail = '') => `/api/conversations/${encodeURIComponent(id)}${tail}`;

  it('stay bounded: after 1,200 messages that change intent again and again, the answer and the view are each under 64 KB', async () => {
    const id = newConversationId('long');
    const padding = ' and one more detail about it'.repeat(60);
    const texts = [`where is my order?${padding}`, `I was charged twice for the same order${padding}`, `my laptop battery drains really fast${padding}`];
    let answer = '';
    for (let n = 1; n <= 1200; n += 1) {
      const role = n % 4 === 0 ? 'representative' : 'customer';
      const response = await fetch(`${service.origin}${route(id, '/messages')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
        body: JSON.stringify(message(`m-${n}`, role, texts[n % texts.length]!)),
      });
      answer = await response.text();
      assert.equal(response.status, 201, answer);
    }
    const view = await call(service.origin, 'GET', route(id));
    const viewBytes = Buffer.byteLength(JSON.stringify(view.body));
    assert.ok(Buffer.byteLength(answer) < 64 * 1024, `the last POST answer is ${Buffer.byteLength(answer)} bytes`);
    assert.ok(viewBytes < 64 * 1024, `the view is ${viewBytes} bytes`);
    assert.equal(view.body.view?.turnCount, 1200);
    assert.ok((view.body.view?.earlierIntents.length ?? 0) <= 10);
    const stored = await service.app.conversationStore.get(id);
    assert.ok(stored);
    assert.ok(stored.value.intentHistory.length <= 20, `${stored.value.intentHistory.length} intents kept`);
    assert.ok(stored.value.turns.length <= 20);
    assert.ok(Buffer.byteLength(JSON.stringify(stored.value)) < 128 * 1024, 'the stored document stays small too');
  });

  it('neutralises bidirectional overrides and terminal codes in what it stores and shows, keeping the words and their meaning', async () => {
    const id = newConversationId('bidi');
    const sent = await call(service.origin, 'POST', route(id, '/messages'), message('m1', 'customer', 'where is my \u001b[31morder\u001b[0m? \u202Eit never came\u202C'));
    assert.equal(sent.status, 201);
    const shown = sent.body.view?.turns[0]?.text ?? '';
    assert.equal(shown, 'where is my order? it never came');
    assert.equal(sent.body.view?.intent?.id, 'order-status', 'understood as the plain words are');
    const plain = await call(service.origin, 'POST', route(newConversationId('plain'), '/messages'), message('m1', 'customer', 'where is my order? it never came'));
    assert.equal(plain.body.view?.intent?.confidence, sent.body.view?.intent?.confidence);
  });

  it("shows a Web Chat or skill turn live on the representative's page, as it shows the API's own", async () => {
    const conversationId = newConversationId('skill-live');
    await postActivity(service.origin, actionActivity('Assist', { text: 'where is my order?', conversationId }));
    const stream = readEvents(service.origin, conversationId, API_KEY);
    assert.equal(await stream.opened, 200);
    const snapshot = await stream.next((event) => event.cause.kind === 'snapshot');
    assert.equal(snapshot.view.turnCount, 1);
    const answered = endOfConversation(await postActivity(service.origin, actionActivity('Assist', { text: 'it is BL-4471220', conversationId })));
    assert.equal(answered.value.status, 'ready');
    const event = await stream.next((e) => e.cause.kind === 'message');
    assert.equal(event.view.turnCount, 2);
    assert.ok(event.view.known.some((known) => known.name === 'orderNumber'));
    stream.close();
  });
});
