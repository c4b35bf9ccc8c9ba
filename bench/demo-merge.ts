/**
 * Merging a discovered draft into the live demo library, where the generator knows every request's intent:
 *   npx tsx bench/demo-merge.ts [--count 3000] [--seed 7] [--cluster-seed 1] [--words-only]
 * Transcripts come from the demo generator (a seed other than the one samples/transcripts.jsonl was made with
 * tells how it carries over); discovery drafts a library; the draft is merged into samples/library.json, with
 * the live library's classifier (`library merge`) or, with --words-only, by the words of the examples alone.
 * Gold of a draft intent: the intent at least half of all its requests are labelled with (none for off-topic or mixed ones). Scored: the share of draft intents
 * with a gold intent matched to it; attributes added to a live intent that ask what one of its attributes asks
 * already (by the generator's wordings); groups added though a live group holds the draft intents' gold intents.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { collectCorpus } from '../src/discovery/corpus.js';
import { discoverIntents } from '../src/discovery/discover.js';
import { mergeDraft } from '../src/library/merge.js';
import { parseLibraryJson } from '../src/library/io.js';
import { liveClassifier } from '../src/nlu/library-votes.js';
import { generateTranscripts } from '../src/synthetic/generate.js';
import { attributeAskedBy, goldOfRequests } from './lib/demo-gold.js';
import { increment, inner } from './lib/attribute-scoring.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '7' },
    'cluster-seed': { type: 'string', default: '1' },
    'words-only': { type: 'boolean', default: false },
  },
});
const live = parseLibraryJson(readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json');
const transcripts = [...generateTranscripts({ library: live, count: Number(values.count), seed: Number(values.seed) })];
const corpus = await collectCorpus(transcripts);
const discovery = discoverIntents(corpus, { run: 'demo-merge', seed: Number(values['cluster-seed']) });
const goldOf = goldOfRequests(corpus, transcripts);

const votes = new Map<string, Map<string, number>>();
const sizes = new Map<string, number>();
for (const { id, intentId } of discovery.assignments) {
  if (!intentId) continue;
  increment(sizes, intentId);
  const gold = goldOf.get(id);
  if (gold) increment(inner(votes, intentId), gold);
}
const goldIntent = new Map<string, string>();
/** Looser: the intent most of the labelled requests have (a mixed draft's labelled part may be small). */
const labelledGold = new Map<string, string>();
for (const [intentId, counts] of votes) {
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best) continue;
  if (best[1] / sizes.get(intentId)! >= 0.5) goldIntent.set(intentId, best[0]);
  if (best[1] / [...counts.values()].reduce((a, b) => a + b, 0) >= 0.5) labelledGold.set(intentId, best[0]);
}

const started = Date.now();
const classifier = values['words-only'] ? undefined : liveClassifier(live);
const { library: merged, summary } = mergeDraft(live, discovery.library, classifier ? { classifier } : {});
const seconds = (Date.now() - started) / 1000;

const matchOf = new Map(summary.matched.map((m) => [m.draftId, m.liveId] as const));
let right = 0;
const lines: string[] = [];
for (const { intent } of discovery.intents) {
  const gold = goldIntent.get(intent.id);
  const matched = matchOf.get(intent.id);
  if (gold === undefined) {
    lines.push(`  ${intent.id} "${intent.name}": no gold intent (off-topic or mixed) -> ${matched ?? 'added'}`);
    continue;
  }
  if (matched === gold) right += 1;
  lines.push(`  ${intent.id} "${intent.name}": gold ${gold} -> ${matched ?? 'added'}${matched === gold ? '' : '  WRONG'}`);
}

// An attribute added to a live intent duplicates one when the generator's wordings say it asks what a live attribute of that intent asks.
const asked = attributeAskedBy(live);
const draftAttribute = new Map(discovery.intents.flatMap(({ intent, attributes }) => attributes.map((a) => [`${intent.id}.${a.name}`, a] as const)));
let duplicated = 0;
const addedAttributes: string[] = [];
for (const intent of merged.intents) {
  const before = live.intents.find((i) => i.id === intent.id);
  if (!before) continue;
  const own = new Set(before.attributes.map((a) => a.name));
  for (const attribute of intent.attributes.filter((a) => !own.has(a.name))) {
    const draftId = summary.matched.find((m) => m.liveId === intent.id && draftAttribute.has(`${m.draftId}.${attribute.name}`))?.draftId;
    const phrasings = draftId ? draftAttribute.get(`${draftId}.${attribute.name}`)!.phrasings : [{ text: attribute.question, count: 1 }];
    const gold = phrasings.map((p) => asked(p.text)).find((name) => name !== undefined);
    const duplicate = gold !== undefined && before.attributes.some((a) => a.name === gold);
    if (duplicate) duplicated += 1;
    addedAttributes.push(`${intent.id}.${attribute.name}${gold ? ` (asks ${gold}${duplicate ? ', DUPLICATE' : ''})` : ''}`);
  }
}
const groupOf = new Map(live.intents.map((i) => [i.id, i.groupId] as const));
const newGroups = merged.groups.filter((g) => !live.groups.some((l) => l.id === g.id));
const duplicatedGroups = newGroups.filter((g) =>
  merged.intents.some((i) => i.groupId === g.id && goldIntent.has(discovery.intents.find((d) => d.intent.id === i.id)?.intent.id ?? '') && groupOf.has(goldIntent.get(i.id)!)),
);

const withGold = discovery.intents.filter(({ intent }) => goldIntent.has(intent.id)).length;
const loose = discovery.intents.filter(({ intent }) => labelledGold.has(intent.id));
const looseRight = loose.filter(({ intent }) => matchOf.get(intent.id) === labelledGold.get(intent.id)).length;
console.log(
  `demo merge: ${transcripts.length} generated conversations (seed ${values.seed}), ${discovery.intents.length} draft intents (${withGold} with a gold intent), merged ${classifier ? 'with the live classifier' : 'by example words only'} in ${seconds.toFixed(2)} s`,
);
console.log(lines.join('\n'));
console.log(`draft intents matched to their gold live intent: ${(right / Math.max(1, withGold)).toFixed(3)} (${right}/${withGold})`);
console.log(`with the looser gold (the intent of most of its labelled requests): ${(looseRight / Math.max(1, loose.length)).toFixed(3)} (${looseRight}/${loose.length}); wrong: ${loose.filter(({ intent }) => matchOf.get(intent.id) !== labelledGold.get(intent.id)).map(({ intent }) => `${intent.id} (gold ${labelledGold.get(intent.id)}, ${matchOf.get(intent.id) ?? 'added'})`).join(', ') || '-'}`);
console.log(`attributes added to live intents: ${addedAttributes.length}, of which duplicate an existing one: ${duplicated}${addedAttributes.length ? `\n  ${addedAttributes.join('\n  ')}` : ''}`);
console.log(`groups added: ${newGroups.length} (${newGroups.map((g) => g.name).join(', ') || '-'}), of which hold intents of an existing group: ${duplicatedGroups.length}`);
