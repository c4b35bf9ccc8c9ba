/**
 * Insights at scale: N generated conversation states (30 days, every intent of the demo library) in a temporary
 * SQLite store, one roll-up timed over all of them, then GET /api/insights timed over HTTP on the real service for the
 * 30 days by day and by week (p50/p95 over --requests each). A second roll-up with nothing changed is timed too.
 *
 *   npx tsx bench/insights.ts [--conversations 1000000] [--requests 200] [--seed 7]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { openApp } from '../src/app/app.js';
import { loadConfig, packageRoot } from '../src/config.js';
import { intentLibrarySchema } from '../src/library/schema.js';
import { percentile } from '../src/nlu/evaluate/metrics.js';
import { createServer } from '../src/server/server.js';
import { conversationStates } from '../src/synthetic/conversation-states.js';

const { values } = parseArgs({
  options: { conversations: { type: 'string', default: '100000' }, requests: { type: 'string', default: '200' }, seed: { type: 'string', default: '7' } },
});
const count = Number(values.conversations);
const requests = Number(values.requests);
const seed = Number(values.seed);
const KEY = 'bench-insights-key-0123456789';
const DAYS = 30;
const DAY_MS = 86_400_000;

const library = intentLibrarySchema.parse(JSON.parse(readFileSync(path.join(packageRoot, 'samples', 'library.json'), 'utf8')));
const dir = mkdtempSync(path.join(tmpdir(), 'intent-skill-bench-insights-'));
// The schedule is off: the bench runs the roll-up itself.
const app = await openApp(loadConfig({ DATA_DIR: dir, ASSIST_API_KEY: KEY, INSIGHTS_ROLLUP_MINUTES: '0' }));
const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
const start = new Date(today.getTime() - DAYS * DAY_MS);
const from = start.toISOString().slice(0, 10);
const to = new Date(today.getTime() - DAY_MS).toISOString().slice(0, 10);

let started = performance.now();
let written = 0;
for (const state of conversationStates({ library, count, seed, start, days: DAYS })) {
  await app.conversationStore.put(state, null);
  written += 1;
  if (written % 100_000 === 0) console.error(`  generated ${written}`);
}
const generateSeconds = (performance.now() - started) / 1000;
console.log(`generated ${written} conversation states over ${DAYS} days (${library.intents.length} intents) in ${generateSeconds.toFixed(1)} s`);

started = performance.now();
const cpu = process.cpuUsage();
const first = await app.insights.rollUp();
const rollupSeconds = (performance.now() - started) / 1000;
const rollupCpu = process.cpuUsage(cpu);
console.log(
  `roll-up: ${first.read} conversations read, ${first.changed} outcomes stored, ${first.buckets} buckets in ${rollupSeconds.toFixed(1)} s ` +
    `(CPU ${(rollupCpu.user / 1e6).toFixed(1)} s user + ${(rollupCpu.system / 1e6).toFixed(1)} s system)`,
);
started = performance.now();
const again = await app.insights.rollUp();
console.log(`roll-up again with nothing changed: ${again.read} read, ${again.changed} changed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const server = createServer(app, pino({ level: 'silent' }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

for (const by of ['day', 'week'] as const) {
  const times: number[] = [];
  let intents = 0;
  let series = 0;
  for (let index = 0; index < requests; index += 1) {
    const sent = performance.now();
    const response = await fetch(`${origin}/api/insights?from=${from}&to=${to}&by=${by}`, { headers: { authorization: `Bearer ${KEY}` } });
    const body = (await response.json()) as { intents: unknown[]; series: unknown[] };
    times.push(performance.now() - sent);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body)}`);
    intents = body.intents.length;
    series = body.series.length;
  }
  times.sort((a, b) => a - b);
  console.log(
    `GET /api/insights ${from}..${to} by ${by}: ${intents} intent rows, ${series} series points; p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms over ${requests} requests`,
  );
}

server.close();
await app.close();
rmSync(dir, { recursive: true, force: true });
