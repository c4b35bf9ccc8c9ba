import assert from 'node:assert/strict';
import { periodOf, rangeSchema } from '../../src/insights/range.js';
import { InsightRangeError, InsightsService } from '../../src/insights/service.js';
import { openSqliteStores } from '../../src/stores/sqlite/index.js';
import { buildCatalog } from '../../src/library/catalog.js';
import { sampleLibrary } from '../stores/fixtures.js';

describe('insights date ranges', () => {
  const stores = openSqliteStores(':memory:');
  after(() => stores.close());
  const service = new InsightsService({
    conversations: stores.conversations,
    insights: stores.insights,
    catalog: () => buildCatalog(sampleLibrary('retail')),
    now: () => new Date('2026-11-30T12:00:00Z'),
    quietMs: 30 * 60_000,
  });

  async function refusal(query: Record<string, unknown>): Promise<string> {
    try {
      await service.report(query);
    } catch (error) {
      assert.ok(error instanceof InsightRangeError, String(error));
      return error.message;
    }
    assert.fail(`${JSON.stringify(query)} was accepted`);
  }

  it('refuses a reversed range, naming both ends', async () => {
    assert.equal(await refusal({ from: '2026-11-10', to: '2026-11-01' }), 'from: 2026-11-10 is after to (2026-11-01): the range is reversed');
  });

  it('refuses an unbounded range, naming the missing end', async () => {
    assert.match(await refusal({ from: '2026-11-01' }), /^to: is required/);
    assert.match(await refusal({ to: '2026-11-01' }), /^from: is required/);
    assert.match(await refusal({}), /from: is required.*to: is required/);
  });

  it('refuses a range over a year, saying how long it is', async () => {
    assert.equal(await refusal({ from: '2025-01-01', to: '2026-01-02' }), 'to: the range from 2025-01-01 to 2026-01-02 spans 367 days; at most 366 (a year)');
  });

  it('refuses malformed dates and periods, naming the parameter', async () => {
    assert.equal(await refusal({ from: 'yesterday', to: '2026-11-01' }), 'from: must be a date such as 2026-11-01');
    assert.equal(await refusal({ from: '2026-02-30', to: '2026-03-01' }), 'from: is not a day of the calendar');
    assert.equal(await refusal({ from: '2026-11-01', to: '2026-11-02', by: 'month' }), 'by: must be "day" or "week"');
  });

  it('takes a full year and a single day', async () => {
    assert.equal(rangeSchema.parse({ from: '2024-01-01', to: '2024-12-31' }).by, 'day');
    const report = await service.report({ from: '2026-11-01', to: '2026-11-01', by: 'week' });
    assert.deepEqual([report.from, report.to, report.by, report.intents], ['2026-11-01', '2026-11-01', 'week', []]);
  });

  it('puts a day in the ISO week that starts on its Monday', () => {
    assert.equal(periodOf('2026-11-29', 'week'), '2026-11-23', 'a Sunday');
    assert.equal(periodOf('2026-11-30', 'week'), '2026-11-30', 'a Monday');
    assert.equal(periodOf('2026-11-29', 'day'), '2026-11-29');
  });
});
