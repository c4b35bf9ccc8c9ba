/**
 * DSTC11 Track 2 Task 1 (intent clustering) on the development set:
 *   npx tsx bench/dstc11.ts [task1.jsonl] [--assignments out.jsonl] [--seed N] [--granularity G] [--k N]
 *                           [--gold-k] [--clusters] [--scale N]
 * Clusters the turns without reading `intent`, then scores ACC (one-to-one Hungarian matching),
 * NMI and ARI against it. `--gold-k` also runs with k set to the number of gold intents, for reference;
 * `--clusters` lists the clusters found; `--scale N` instead times a run on N utterances made by
 * repeating the turns with random word drops and fillers (a load test, its scores are not DSTC11's).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { clusterUtterances, type ClusterOptions, type ClusteringResult } from '../src/discovery/cluster/index.js';
import { Random } from '../src/text/random.js';
import { scoreClustering, type ClusterScores } from './lib/cluster-metrics.js';

interface Row {
  readonly id: string;
  readonly text: string;
  readonly intent: string;
}

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as Partial<Row>;
      if (typeof row.id !== 'string' || typeof row.text !== 'string' || typeof row.intent !== 'string') {
        throw new Error(`${path}:${i + 1}: expected {id, text, intent} strings`);
      }
      return { id: row.id, text: row.text, intent: row.intent };
    });
}

function run(rows: readonly Row[], options: ClusterOptions): { result: ClusteringResult; scores: ClusterScores; seconds: number } {
  const started = process.hrtime.bigint();
  const result = clusterUtterances(
    rows.map(({ id, text }) => ({ id, text })),
    options,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const predicted = rows.map((r) => result.assignments.get(r.id)!);
  return { result, scores: scoreClustering(predicted, rows.map((r) => r.intent)), seconds };
}

const FILLERS = ['', 'hi ', 'yeah ', 'so ', 'um ', 'okay ', 'hello, ', 'yes, '];

/** `size` rows cycling through `rows`, each copy with a filler prefix and about 10% of its words dropped. */
function scaleUp(rows: readonly Row[], size: number, seed: number): Row[] {
  const random = new Random(seed);
  return Array.from({ length: size }, (_, i) => {
    const row = rows[i % rows.length]!;
    const words = row.text.split(/\s+/).filter((w, _j, all) => all.length < 4 || !random.chance(0.1));
    const text = random.pick(FILLERS) + words.join(' ');
    return { id: `${row.id}#${Math.floor(i / rows.length)}`, text, intent: row.intent };
  });
}

const pct = (x: number): string => (100 * x).toFixed(1);

function report(name: string, { scores, seconds }: { scores: ClusterScores; seconds: number }): void {
  console.log(
    `${name.padEnd(22)} ACC ${pct(scores.acc)}  NMI ${pct(scores.nmi)}  ARI ${pct(scores.ari)}  ` +
      `clusters ${scores.clusters} (gold ${scores.labels})  ${seconds.toFixed(1)} s`,
  );
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    assignments: { type: 'string' },
    seed: { type: 'string', default: '1' },
    granularity: { type: 'string' },
    k: { type: 'string' },
    'gold-k': { type: 'boolean', default: false },
    clusters: { type: 'boolean', default: false },
    scale: { type: 'string' },
  },
});
const file = positionals[0] ?? '../shared/datasets/dstc11-dev/task1.jsonl';
const turns = readRows(file);
const rows = values.scale === undefined ? turns : scaleUp(turns, Number(values.scale), Number(values.seed));
const options: ClusterOptions = {
  seed: Number(values.seed),
  ...(values.granularity === undefined ? {} : { granularity: Number(values.granularity) }),
  ...(values.k === undefined ? {} : { k: Number(values.k) }),
};
console.log(`${file}: ${rows.length} turns, seed ${options.seed}`);
const main = run(rows, options);
report(values.k === undefined ? 'k chosen automatically' : `k = ${values.k}`, main);
if (values.scale !== undefined) console.log(`peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
if (values['gold-k']) report(`k = gold count`, run(rows, { ...options, k: new Set(rows.map((r) => r.intent)).size }));
if (values.clusters) {
  for (const c of main.result.clusters) {
    console.log(`  ${c.id.padEnd(8)} ${String(c.members.length).padStart(5)}  ${c.label.padEnd(32)} ${c.keyphrases.join(', ')}`);
  }
  for (const g of main.result.groups) console.log(`  group ${g.id}: ${g.label} <- ${g.clusters.join(' ')}`);
}
if (values.assignments) {
  writeFileSync(values.assignments, rows.map((r) => JSON.stringify({ id: r.id, intentId: main.result.assignments.get(r.id) })).join('\n') + '\n');
  console.log(`assignments written to ${values.assignments}`);
}
