/**
 * The step on the demo library, end to end in-process with the embedded SQLite store (a file, WAL):
 * replays the shipped synthetic transcripts turn by turn and reports per-turn latency, plus how often the
 * first intent detected matches the generator's gold label (off-topic conversations must get none).
 *
 *   npx tsx bench/step.ts [--conversations 500] [--phase assisted|self-service]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from '../src/app/app.js';
import { loadConfig, packageRoot } from '../src/config.js';
import type { Transcript } from '../src/synthetic/types.js';
import { percentile } from '../src/nlu/evaluate/metrics.js';

const { values } = parseArgs({
  options: { conversations: { type: 'string', default: '500' }, phase: { type: 'string', default: 'assisted' } },
});
const limit = Number(values.conversations);
const phase = values.phase === 'self-service' ? 'self-service' : 'assisted';

const transcripts = readFileSync(path.join(packageRoot, 'samples', 'transcripts.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .slice(0, limit)
  .map((line) => JSON.parse(line) as Transcript);
const gold = new Map(
  readFileSync(path.join(packageRoot, 'samples', 'transcripts.labels.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { conversationId: string; intents: string[] })
    .map((row) => [row.conversationId, row.intents]),
);

const dir = mkdtempSync(path.join(tmpdir(), 'intent-skill-bench-'));
const started = performance.now();
const app = await openApp(loadConfig({ DATA_DIR: dir }));
const startupMs = performance.now() - started;

const latencies: number[] = [];
const customerLatencies: number[] = [];
let firstRight = 0;
let scored = 0;
let offTopicRight = 0;
let offTopic = 0;
for (const transcript of transcripts) {
  let first: string | null = null;
  for (const turn of transcript.turns) {
    if (phase === 'self-service' && turn.role !== 'customer') continue;
    const t0 = performance.now();
    const { insight } = await app.conversations.turn(transcript.conversationId, { role: turn.role, text: turn.text, at: turn.at }, { channel: 'bench', phase });
    const ms = performance.now() - t0;
    latencies.push(ms);
    if (turn.role === 'customer') customerLatencies.push(ms);
    first ??= insight.intent?.id ?? null;
  }
  const expected = gold.get(transcript.conversationId) ?? [];
  if (expected.length === 0) {
    offTopic += 1;
    if (first === null) offTopicRight += 1;
  } else {
    scored += 1;
    if (first === expected[0]) firstRight += 1;
  }
}
await app.close();
rmSync(dir, { recursive: true, force: true });

const ms = (values: number[], p: number) => percentile(values, p / 100).toFixed(2);
console.log(`| phase | conversations | turns | startup s | step p50 / p95 ms (all turns) | step p50 / p95 ms (customer turns) | first intent right | off-topic kept out |`);
console.log(`|---|---|---|---|---|---|---|---|`);
console.log(
  `| ${phase} | ${transcripts.length} | ${latencies.length} | ${(startupMs / 1000).toFixed(1)} | ${ms(latencies, 50)} / ${ms(latencies, 95)} | ${ms(customerLatencies, 50)} / ${ms(customerLatencies, 95)} | ${((100 * firstRight) / Math.max(1, scored)).toFixed(1)}% of ${scored} | ${((100 * offTopicRight) / Math.max(1, offTopic)).toFixed(1)}% of ${offTopic} |`,
);
