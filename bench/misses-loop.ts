/**
 * The improvement loop on the demo: three intents are taken out of samples/library.json, demo conversations that
 * include them (and every other intent) are generated from the full library, and every turn is replayed through the
 * real engine with the reduced library (assisted phase: customer turns as the customer's, agent turns as the
 * representative's), so the misses are the engine's own out-of-scope and clarify outcomes. The misses are harvested
 * from the stored conversations into the SQLite miss store, mined (`intent-skill discover --misses`), and scored:
 * how many of the three came back as new draft intents whose name shares a content word with the original's, and how
 * many new drafts are spurious (not one of the three).
 *
 *   npx tsx bench/misses-loop.ts [--remove missing-item,battery-problem,price-match] [--count 2000] [--seeds 1,2,3,4,5]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileLibrary, engineDeps } from '../src/app/app.js';
import { harvestMisses } from '../src/discovery/misses-harvest.js';
import { mineMisses, type ClusterOutcome } from '../src/discovery/mine-misses.js';
import { ConversationService } from '../src/engine/conversations.js';
import { parseLibraryJson } from '../src/library/io.js';
import { liveClassifier } from '../src/nlu/library-votes.js';
import { createAttributeExtractor } from '../src/nlu/extractors/index.js';
import { openSqliteStores } from '../src/stores/sqlite/index.js';
import { generateTranscripts } from '../src/synthetic/generate.js';
import { stemOf, topicWords } from '../src/text/topic-words.js';

const { values } = parseArgs({
  options: {
    remove: { type: 'string', default: 'missing-item,battery-problem,price-match' },
    count: { type: 'string', default: '2000' },
    seeds: { type: 'string', default: '1,2,3,4,5' },
    verbose: { type: 'boolean', default: false },
  },
});
const full = parseLibraryJson(readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json');
const removed = values.remove.split(',').map((id) => id.trim());
for (const id of removed) if (!full.intents.some((i) => i.id === id)) throw new Error(`--remove: "${id}" is not an intent of samples/library.json`);
const reduced = { ...full, intents: full.intents.filter((i) => !removed.includes(i.id)) };
const live = compileLibrary(reduced);
const classifier = liveClassifier(reduced);
const stems = (name: string) => new Set(topicWords(name).map(stemOf));

console.log(`removed: ${removed.join(', ')} (groups ${removed.map((id) => full.intents.find((i) => i.id === id)!.groupId).join(', ')}); ${values.count} conversations a seed`);
const rows: Array<{ seed: number; found: number; spurious: number; examplesFor: number; misses: number; seconds: number }> = [];
for (const seed of values.seeds.split(',').map(Number)) {
  const started = performance.now();
  const stores = openSqliteStores(':memory:');
  let now = new Date(0);
  const deps = engineDeps({ catalog: live.catalog, ranker: live.classifier, extractor: createAttributeExtractor(), search: null, now: () => now });
  const service = new ConversationService(stores.conversations, () => deps);
  const transcripts = [...generateTranscripts({ library: full, count: Number(values.count), seed })];
  for (const transcript of transcripts) {
    for (const turn of transcript.turns) {
      if (turn.role === 'bot') continue;
      now = new Date(turn.at);
      await service.turn(transcript.conversationId, { role: turn.role, text: turn.text, at: turn.at }, { channel: 'bench', phase: 'assisted' });
    }
  }
  const harvested = await harvestMisses(stores.conversations, stores.misses, new Date(0), now, (message) => console.log(message));
  const misses = [];
  for await (const miss of stores.misses.since(new Date(0))) misses.push(miss);
  const mined = mineMisses(misses, reduced, { run: `misses-loop-${seed}`, now, seed: 1, ...(classifier ? { classifier } : {}),
    ...(values.verbose ? { onCluster: (c: ClusterOutcome) => console.log(`  [${c.outcome}] ${c.label}: ${c.misses} misses, ${c.conversations} conversations, coherence ${c.coherence.toFixed(2)}, asked ${c.askedShare?.toFixed(2) ?? '-'}; ${c.examples.join(' | ')}`) } : {}),
  });
  stores.close();
  const proposed = mined.draft.intents.filter((i) => !i.provenance?.examplesFor);
  const matches = (intent: (typeof proposed)[number], original: string) => {
    const want = stems(full.intents.find((i) => i.id === original)!.name);
    return [...stems(intent.name)].some((stem) => want.has(stem));
  };
  const found = removed.filter((original) => proposed.some((intent) => matches(intent, original)));
  const spurious = proposed.filter((intent) => !removed.some((original) => matches(intent, original)));
  const seconds = (performance.now() - started) / 1000;
  rows.push({ seed, found: found.length, spurious: spurious.length, examplesFor: mined.examplesFor.length, misses: harvested.added, seconds });
  console.log(
    `seed ${seed}: ${harvested.added} misses from ${harvested.conversations} conversations; clustered ${mined.clustered} (left: ${JSON.stringify(mined.left)}; small clusters ${mined.smallClusters}, incoherent ${mined.incoherentClusters}, answered ${mined.answeredClusters}); ` +
      `found ${found.length}/3 (${found.join(', ') || 'none'}); spurious ${spurious.length}${spurious.length ? ` (${spurious.map((i) => i.name).join('; ')})` : ''}; examples for ${mined.examplesFor.length} live intents; ${seconds.toFixed(1)} s`,
  );
  if (values.verbose) {
    const goldOf = new Map(transcripts.map((t) => [t.conversationId, t.meta?.intents ?? []] as const));
    for (const original of removed) {
      const own = misses.filter((m) => goldOf.get(m.conversationId)?.includes(original));
      console.log(`  ${original}: ${transcripts.filter((t) => t.meta?.intents.includes(original)).length} conversations, ${own.length} misses, e.g. ${own.filter((m) => !m.afterQuestion).slice(0, 6).map((m) => m.text).join(' | ')}`);
    }
  }
  if (values.verbose) {
    for (const intent of mined.draft.intents.filter((i) => i.provenance?.examplesFor)) console.log(`  -> ${intent.name}: ${intent.examples.slice(0, 4).join(' | ')}`);
    for (const intent of proposed) {
      const asked = misses.filter((m) => intent.provenance?.sampleConversationIds.includes(m.conversationId)).map((m) => m.followUp ?? '-');
      console.log(`  ${intent.name}: ${intent.description} e.g. ${intent.examples.slice(0, 3).join(' | ')}; agents asked: ${asked.slice(0, 5).join(' | ')}`);
    }
  }
}
const found = rows.map((r) => r.found);
const spurious = rows.map((r) => r.spurious);
console.log(`found per seed: ${found.join(', ')} (min ${Math.min(...found)}); spurious per seed: ${spurious.join(', ')} (max ${Math.max(...spurious)})`);
console.log(`target (found >= 2 of 3, spurious <= 3 on every seed): ${Math.min(...found) >= 2 && Math.max(...spurious) <= 3 ? 'met' : 'NOT met'}`);
