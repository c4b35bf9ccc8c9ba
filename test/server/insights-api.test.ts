import assert from 'node:assert/strict';
import { newConversationState, type ConversationState } from '../../src/engine/state.js';
import type { RunningService } from '../bot/helpers/service.js';
import { API_KEY, call, startAssistService } from '../assist/helpers.js';
import { privateInsights } from '../insights/private-insights.js';

/** A conversation of the demo library on a pinned day, long over. */
function conversation(id: string, day: string, intent: string, change: Partial<ConversationState> = {}): ConversationState {
  const state = newConversationState(id, 'webchat', new Date(`${day}T09:00:00Z`));
  return { ...state, intent: { id: intent, confidence: 0.9 }, status: 'ended', turnCount: 3, updatedAt: `${day}T09:03:00.000Z`, ...change };
}

interface IntentRow {
  intentId: string | null;
  groupId: string | null;
  conversations: number;
  contained: number;
  handedOff: number;
  handoffReasons: Record<string, number>;
}

describe('GET /api/insights', function () {
  this.timeout(60_000);
  let service: RunningService;
  let closeInsights: () => void;

  before(async () => {
    service = await startAssistService();
    closeInsights = privateInsights(service.app);
    const put = (state: ConversationState) => service.app.conversationStore.put(state, null);
    await put(conversation('insights-api-1', '2020-03-02', 'order-status'));
    await put(conversation('insights-api-2', '2020-03-03', 'order-status'));
    await put(
      conversation('insights-api-3', '2020-03-10', 'order-status', {
        status: 'handoff',
        escalated: true,
        phase: 'assisted',
        handoff: { at: '2020-03-10T09:02:00.000Z', kind: 'out-of-scope' },
      }),
    );
    await put(conversation('insights-api-4', '2020-03-10', 'duplicate-charge'));
    await service.app.insights.rollUp();
  });
  after(async () => {
    await service.close();
    closeInsights();
  });

  const get = (query: string, headers?: Record<string, string>) => call(service.origin, 'GET', `/api/insights${query}`, undefined, headers);

  it('answers the counts by intent and group, and a series by week', async () => {
    const { status, body } = await get('?from=2020-03-01&to=2020-03-14&by=week');
    assert.equal(status, 200);
    const report = body as unknown as { from: string; to: string; intents: IntentRow[]; groups: Array<{ groupId: string }>; series: Array<IntentRow & { period: string }> };
    assert.deepEqual([report.from, report.to], ['2020-03-01', '2020-03-14']);
    const orders = report.intents.find((row) => row.intentId === 'order-status');
    assert.deepEqual(
      [orders?.groupId, orders?.conversations, orders?.contained, orders?.handedOff, orders?.handoffReasons['out-of-scope']],
      ['orders', 3, 2, 1, 1],
    );
    assert.deepEqual(report.groups.map((group) => group.groupId).sort(), ['billing', 'orders']);
    const orderWeeks = report.series.filter((point) => point.intentId === 'order-status').map((point) => [point.period, point.conversations]);
    assert.deepEqual(orderWeeks, [
      ['2020-03-02', 2],
      ['2020-03-09', 1],
    ]);
  });

  it('counts only the days asked for', async () => {
    const { body } = await get('?from=2020-03-03&to=2020-03-03');
    const report = body as unknown as { intents: IntentRow[] };
    assert.deepEqual(report.intents.map((row) => [row.intentId, row.conversations]), [['order-status', 1]]);
  });

  it('refuses a reversed, unbounded, malformed or over-a-year range with the one error body naming what is wrong', async () => {
    const cases: Array<[string, RegExp]> = [
      ['?from=2020-03-14&to=2020-03-01', /^from: 2020-03-14 is after to \(2020-03-01\)/],
      ['?from=2020-03-01', /^to: is required/],
      ['', /^from: is required.*to: is required/],
      ['?from=March&to=2020-03-01', /^from: must be a date such as/],
      ['?from=2019-01-01&to=2020-03-01', /^to: the range from 2019-01-01 to 2020-03-01 spans 426 days; at most 366/],
      ['?from=2020-03-01&to=2020-03-02&by=month', /^by: must be "day" or "week"/],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await get(query);
      assert.equal(status, 400, query);
      assert.equal(body.error?.code, 'BadArgument', query);
      assert.match(body.error?.message ?? '', message, query);
    }
  });

  it('needs the credentials of the assist API', async () => {
    assert.equal((await get('?from=2020-03-01&to=2020-03-14', {})).status, 401);
    assert.equal((await get('?from=2020-03-01&to=2020-03-14', { 'x-api-key': API_KEY })).status, 200);
  });

  it('lists the conversations of one intent for the page\'s links', async () => {
    await service.app.conversations.turn('insights-api-live-1', { role: 'customer', text: 'where is my order?' }, { channel: 'test' });
    await service.app.conversations.turn('insights-api-live-2', { role: 'customer', text: 'I was charged twice for the same order on my card' }, { channel: 'test' });
    const { body } = await call(service.origin, 'GET', '/api/conversations?intent=order-status');
    const ids = (body.conversations as Array<{ conversationId: string; intent: { id: string } | null }>).map((row) => row.intent?.id);
    assert.ok(ids.length >= 1 && ids.every((id) => id === 'order-status'), JSON.stringify(ids));
  });
});
