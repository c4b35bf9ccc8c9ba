/**
 * Attribute mining on generated demo transcripts, where the generator knows every question's attribute:
 *   npx tsx bench/demo-attributes.ts [--count 3000] [--seed 7] [--min-weight 0.1] [--granularity G] [--cluster-seed 1]
 * Transcripts come from the demo generator (as `intent-skill generate transcripts`); gold: each
 * conversation's labelled intents (the i-th request found is taken as the i-th labelled intent when the
 * counts agree) and, per agent question, the attribute whose wordings it ends with. A check against
 * fitting the miner to SGD alone: other wordings, other domains, typos. Scored by bench/lib/attribute-scoring.ts.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { askedQuestions } from '../src/discovery/agent-acts.js';
import { collectCorpus } from '../src/discovery/corpus.js';
import { discoverIntents } from '../src/discovery/discover.js';
import { questionKey } from '../src/discovery/question-clusters.js';
import { generateTranscripts } from '../src/synthetic/generate.js';
import { parseLibraryJson } from '../src/library/io.js';
import { maskPersonalData } from '../src/nlu/redact.js';
import { increment, inner, scoreAttributes, scoreGroups } from './lib/attribute-scoring.js';
import { attributeAskedBy, goldOfRequests } from './lib/demo-gold.js';
import { scoreClustering } from './lib/cluster-metrics.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '7' },
    'min-weight': { type: 'string', default: '0.1' },
    granularity: { type: 'string', default: '1' },
    'cluster-seed': { type: 'string', default: '1' },
  },
});
const minWeight = Number(values['min-weight']);
const library = parseLibraryJson(readFileSync(new URL('../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json');
const transcripts = [...generateTranscripts({ library, count: Number(values.count), seed: Number(values.seed) })];

const attributeAsked = attributeAskedBy(library);

const attributesOfQuestion = new Map<string, Map<string, number>>();
const conversationsOf = new Map<string, number>();
const askedIn = new Map<string, Map<string, number>>();
for (const transcript of transcripts) {
  const asked = new Set<string>();
  for (const turn of transcript.turns) {
    if (turn.role === 'customer') continue;
    for (const question of askedQuestions(maskPersonalData(turn.text).text)) {
      const name = attributeAsked(question);
      if (name) {
        increment(inner(attributesOfQuestion, questionKey(question)), name);
        asked.add(name);
      }
    }
  }
  const intents = new Set((transcript.meta?.intents ?? []));
  for (const intent of intents) increment(conversationsOf, intent);
  // Which of a two-intent conversation's attributes belong to which intent: the library says.
  for (const intent of intents) {
    const own = new Set(library.intents.find((i) => i.id === intent)?.attributes.map((a) => a.name));
    for (const name of asked) if (own.has(name)) increment(inner(askedIn, intent), name);
  }
}

const started = Date.now();
const corpus = await collectCorpus(transcripts);
const discovery = discoverIntents(corpus, { run: 'demo', granularity: Number(values.granularity), seed: Number(values['cluster-seed']), minWeight });
const seconds = (Date.now() - started) / 1000;

const intentOfRequest = goldOfRequests(corpus, transcripts);
const goldText = {
  intent: (id: string) => {
    const intent = library.intents.find((i) => i.id === id);
    return `${intent?.name ?? id} ${intent?.description ?? ''}`;
  },
  attribute: (id: string, name: string) => {
    const attribute = library.intents.find((i) => i.id === id)?.attributes.find((a) => a.name === name);
    return `${name} ${attribute?.label ?? ''} ${attribute?.description ?? ''}`;
  },
};
const { matched, report } = scoreAttributes(discovery, { intentOfRequest, attributesOfQuestion, conversationsOf, askedIn, goldText }, minWeight);
console.log(
  `demo: ${transcripts.length} generated conversations (seed ${values.seed}), ${discovery.requests} requests (${intentOfRequest.size} labelled), ${discovery.intents.length} discovered intents, ${matched} matched to a gold intent; ${seconds.toFixed(1)} s`,
);
const labelled = discovery.assignments.filter((a) => intentOfRequest.has(a.id));
const clusters = scoreClustering(labelled.map((a) => a.intentId ?? 'unclear'), labelled.map((a) => intentOfRequest.get(a.id)!));
console.log(`intents of the ${labelled.length} labelled requests: ACC ${clusters.acc.toFixed(3)}, NMI ${clusters.nmi.toFixed(3)}, ARI ${clusters.ari.toFixed(3)}, ${clusters.clusters} intents for ${clusters.labels} labels`);
const groupOfIntent = new Map(library.intents.map((i) => [i.id, i.groupId] as const));
console.log(scoreGroups(discovery, intentOfRequest, (intent) => groupOfIntent.get(intent)));
console.log(report);
