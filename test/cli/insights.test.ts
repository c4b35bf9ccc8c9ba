import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newConversationState } from '../../src/engine/state.js';
import { openSqliteStores } from '../../src/stores/sqlite/index.js';
import { runCli } from './run-cli.js';

describe('intent-skill insights (the real command)', function () {
  this.timeout(120_000);
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-skill-insights-cli-'));
    env = { DATA_DIR: dir };
    const stores = openSqliteStores(path.join(dir, 'intent-skill.db'));
    for (const [id, day, intent, handedOff] of [
      ['cli-1', '2020-05-04', 'order-status', false],
      ['cli-2', '2020-05-05', 'order-status', true],
      ['cli-3', '2020-05-05', 'duplicate-charge', false],
    ] as const) {
      const state = newConversationState(id, 'webchat', new Date(`${day}T10:00:00Z`));
      await stores.conversations.put(
        {
          ...state,
          intent: { id: intent, confidence: 0.9 },
          status: handedOff ? 'handoff' : 'ended',
          turnCount: 4,
          ...(handedOff ? { escalated: true, phase: 'assisted' as const, handoff: { at: state.createdAt, kind: 'asked' as const } } : {}),
        },
        null,
      );
    }
    stores.close();
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('rolls up now, then prints the counts by intent as a table and as the API JSON', async () => {
    const rolled = await runCli(['insights', 'rollup'], { env });
    assert.equal(rolled.code, 0, rolled.stderr);
    assert.match(rolled.stdout, /rolled up 3 conversations \(3 changed/);

    const table = await runCli(['insights', '--from', '2020-05-01', '--to', '2020-05-10'], { env });
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^Insights from 2020-05-01 to 2020-05-10, by day/);
    assert.match(table.stdout, /order-status\s+orders\s+2\s+50%\s+50%\s+1\/0\/0\/0/);

    const json = await runCli(['insights', '--from', '2020-05-01', '--to', '2020-05-10', '--by', 'week', '--json'], { env });
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { by: string; intents: Array<{ intentId: string; conversations: number }>; series: Array<{ period: string }> };
    assert.equal(report.by, 'week');
    assert.deepEqual(report.intents.map((row) => [row.intentId, row.conversations]), [['order-status', 2], ['duplicate-charge', 1]]);
    assert.deepEqual([...new Set(report.series.map((point) => point.period))], ['2020-05-04']);
  });

  it('refuses a reversed range with the same words as the API, exit code 2', async () => {
    const refused = await runCli(['insights', '--from', '2020-05-10', '--to', '2020-05-01'], { env });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /intent-skill: from: 2020-05-10 is after to \(2020-05-01\): the range is reversed/);
  });
});
