import assert from 'node:assert/strict';
import { newConversationState, type ConversationState } from '../../src/engine/state.js';
import type { Outcome } from '../../src/insights/outcome.js';
import { InsightsService } from '../../src/insights/service.js';
import { buildCatalog } from '../../src/library/catalog.js';
import { openSqliteStores, type SqliteStores } from '../../src/stores/sqlite/index.js';
import { sampleLibrary } from '../stores/fixtures.js';

const QUIET_MS = 30 * 60_000;

/** A conversation started at `at`, last updated `minutes` later. */
function conversation(id: string, at: string, change: Partial<ConversationState> = {}, minutes = 2): ConversationState {
  const state = newConversationState(id, 'webchat', new Date(at));
  return { ...state, updatedAt: new Date(Date.parse(at) + minutes * 60_000).toISOString(), ...change };
}

const ordered: Partial<ConversationState> = { intent: { id: 'order.status', confidence: 0.9 }, turnCount: 4 };

describe('the insights roll-up', () => {
  let stores: SqliteStores;
  let now: Date;
  let service: InsightsService;
  const changes: Array<[Outcome | undefined, Outcome]> = [];

  beforeEach(() => {
    stores = openSqliteStores(':memory:');
    now = new Date('2026-11-02T12:00:00Z');
    changes.length = 0;
    service = new InsightsService({
      conversations: stores.conversations,
      insights: stores.insights,
      catalog: () => buildCatalog(sampleLibrary('retail')),
      now: () => now,
      quietMs: QUIET_MS,
      pageSize: 2,
      recorder: { changed: (previous, next) => changes.push([previous, next]) },
    });
  });
  afterEach(() => stores.close());

  const report = () => service.report({ from: '2026-11-01', to: '2026-11-30' });

  it('counts a conversation closed with thanks under the intent it last had, not under none', async () => {
    const history = [
      { intent: 'order.status', confidence: 0.9, turn: 1, at: '2026-11-02T09:00:30.000Z' },
      { intent: 'refund', confidence: 0.8, turn: 2, at: '2026-11-02T09:01:00.000Z' },
    ];
    await stores.conversations.put(conversation('closed', '2026-11-02T09:00:00Z', { intent: null, intentHistory: history, status: 'ended', turnCount: 3 }), null);
    await stores.conversations.put(
      conversation('ruled-out', '2026-11-02T09:05:00Z', { intent: null, intentHistory: history, rejectedIntents: ['refund'], status: 'ended', turnCount: 3 }),
      null,
    );
    await service.rollUp();
    const { intents } = await report();
    const rows = intents.map((row) => [row.intentId, row.conversations, row.contained]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.deepEqual(rows, [
      ['order.status', 1, 1],
      ['refund', 1, 1],
    ]);
  });

  it('counts each conversation once by intent and group: contained, handed off and why, turns, thumbs-down, questions left', async () => {
    await stores.conversations.put(conversation('ended', '2026-11-02T09:00:00Z', { ...ordered, status: 'ended' }), null);
    await stores.conversations.put(
      conversation('asked', '2026-11-02T09:10:00Z', {
        ...ordered,
        turnCount: 6,
        phase: 'assisted',
        escalated: true,
        status: 'handoff',
        handoff: { at: '2026-11-02T09:12:00.000Z', kind: 'asked' },
        asked: ['orderNumber', 'postcode'],
        attributes: { postcode: { value: 'SW1', text: 'SW1', confidence: 1, turn: 2, source: 'self-service' } },
        clarifyTurns: 1,
        feedback: [
          { at: '2026-11-02T09:20:00.000Z', turn: 5, rating: 'down' },
          { at: '2026-11-02T09:21:00.000Z', turn: 5, rating: 'up' },
        ],
      }),
      null,
    );
    await stores.conversations.put(conversation('weather', '2026-11-02T09:30:00Z', { outOfScopeTurns: 2, turnCount: 2, status: 'out-of-scope' }), null);
    const summary = await service.rollUp();
    assert.deepEqual([summary.read, summary.changed], [3, 3]);

    const { intents, groups, totals } = await report();
    const orders = intents.find((row) => row.intentId === 'order.status');
    assert.ok(orders);
    assert.deepEqual(
      [orders.groupId, orders.conversations, orders.contained, orders.handedOff, orders.handoffReasons.asked, orders.thumbsDown, orders.averageTurns, orders.clarify],
      ['orders', 2, 1, 1, 1, 1, 5, 1],
    );
    assert.deepEqual(orders.unansweredQuestions, [{ attribute: 'orderNumber', count: 1 }]);
    const none = intents.find((row) => row.intentId === null);
    assert.deepEqual([none?.conversations, none?.outOfScope, none?.outOfScopeConversations, none?.contained], [1, 2, 1, 1], 'quiet for hours: contained');
    assert.deepEqual(groups.map((group) => [group.groupId, group.conversations]), [['orders', 2], [null, 1]]);
    assert.equal(totals.conversations, 3);
  });

  it('moves a conversation updated again to its new counts, never adding it twice', async () => {
    const etag = await stores.conversations.put(conversation('c1', '2026-11-02T11:50:00Z', ordered, 1), null);
    await service.rollUp();
    let row = (await report()).intents[0];
    assert.deepEqual([row?.conversations, row?.contained, row?.handedOff], [1, 0, 0], 'still going: neither contained nor handed off');

    now = new Date('2026-11-02T12:15:00Z');
    await stores.conversations.put(
      conversation('c1', '2026-11-02T11:50:00Z', { ...ordered, escalated: true, phase: 'assisted', status: 'handoff', handoff: { at: '2026-11-02T12:10:00.000Z', kind: 'gave-up' } }, 20),
      etag,
    );
    await service.rollUp();
    await service.rollUp();
    row = (await report()).intents[0];
    assert.deepEqual([row?.conversations, row?.contained, row?.handedOff, row?.handoffReasons['gave-up']], [1, 0, 1, 1]);
    assert.equal(changes.length, 2, 'the unchanged third roll-up records nothing');
  });

  it('sees a conversation that went quiet after the last roll-up as contained, and empties the bucket it left', async () => {
    const etag = await stores.conversations.put(conversation('c2', '2026-11-02T11:55:00Z', ordered, 1), null);
    await service.rollUp();
    now = new Date('2026-11-02T12:45:00Z');
    await service.rollUp();
    assert.equal((await report()).intents[0]?.contained, 1);

    await stores.conversations.put(conversation('c2', '2026-11-02T11:55:00Z', { ...ordered, intent: { id: 'refund', confidence: 0.8 }, status: 'ended' }, 40), etag);
    await service.rollUp();
    const { intents } = await report();
    assert.deepEqual(intents.map((row) => [row.intentId, row.groupId, row.conversations]), [['refund', null, 1]]);
  });

  it('lets one roll-up run at a time in a process: a second call shares the first', async () => {
    await stores.conversations.put(conversation('c3', '2026-11-02T09:00:00Z', ordered), null);
    const [first, second] = await Promise.all([service.rollUp(), service.rollUp()]);
    assert.equal(first, second);
  });
});
