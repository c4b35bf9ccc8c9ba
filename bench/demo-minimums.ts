/**
 * How many conversations an intent needs before discovery proposes it, on generated demo transcripts:
 *   npx tsx bench/demo-minimums.ts [--counts 300,600,1200,3000] [--seed 7] [--granularity 1]
 * For each corpus size, every generator intent with its number of conversations, and whether a discovered intent
 * is mostly it (at least half of the discovered intent's labelled requests). Printed by bucket of conversations.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { collectCorpus } from '../src/discovery/corpus.js';
import { discoverIntents } from '../src/discovery/discover.js';
import { parseLibraryJson } from '../src/library/io.js';
import { generateTranscripts } from '../src/synthetic/generate.js';
import { increment, inner } from './lib/attribute-scoring.js';
import { goldOfRequests } from './lib/demo-gold.js';

const { values } = parseArgs({
  options: { counts: { type: 'string', default: '300,600,1200,3000' }, seed: { type: 'string', default: '7' }, granularity: { type: 'string', default: '1' } },
});
const library = parseLibraryJson(readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json');
const BUCKETS: Array<[number, number]> = [[0, 10], [10, 25], [25, 50], [50, 100], [100, Infinity]];
const found = BUCKETS.map(() => ({ proposed: 0, all: 0 }));

for (const count of values.counts.split(',').map(Number)) {
  const transcripts = [...generateTranscripts({ library, count, seed: Number(values.seed) })];
  const conversations = new Map<string, number>();
  for (const t of transcripts) for (const intent of new Set(t.meta?.intents ?? [])) increment(conversations, intent);
  const corpus = await collectCorpus(transcripts);
  const discovery = discoverIntents(corpus, { run: 'minimums', granularity: Number(values.granularity) });
  const goldOf = goldOfRequests(corpus, transcripts);
  const votes = new Map<string, Map<string, number>>();
  for (const { id, intentId } of discovery.assignments) {
    const gold = goldOf.get(id);
    if (intentId && gold) increment(inner(votes, intentId), gold);
  }
  const proposed = new Set<string>();
  for (const counts of votes.values()) {
    const [best] = [...counts].sort((a, b) => b[1] - a[1]);
    if (best && best[1] / [...counts.values()].reduce((a, b) => a + b, 0) >= 0.5) proposed.add(best[0]);
  }
  const line: string[] = [];
  for (const [intent, n] of [...conversations].sort((a, b) => a[1] - b[1])) {
    const bucket = BUCKETS.findIndex(([low, high]) => n >= low && n < high);
    found[bucket]!.all += 1;
    if (proposed.has(intent)) found[bucket]!.proposed += 1;
    line.push(`${intent} ${n}${proposed.has(intent) ? '' : ' (not proposed)'}`);
  }
  console.log(`${count} conversations: ${discovery.intents.length} discovered intents, ${proposed.size} of ${conversations.size} generator intents proposed\n  ${line.join(', ')}`);
}
console.log('generator intents proposed, by the conversations they had:');
BUCKETS.forEach(([low, high], i) => {
  const { proposed, all } = found[i]!;
  if (all) console.log(`  ${low}-${high === Infinity ? '' : high - 1}: ${proposed}/${all} (${((100 * proposed) / all).toFixed(0)}%)`);
});
