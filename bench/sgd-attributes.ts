/**
 * Attribute mining on Schema-Guided Dialogue (dev):
 *   npx tsx bench/sgd-attributes.ts [../shared/datasets/sgd-dev] [--min-weight 0.1] [--granularity G] [--seed 1]
 * The dialogues become transcripts (user = customer, system = agent) and go through discovery as a
 * user's file would. Gold: the active intent of each user turn, and the slots the system's REQUEST acts
 * ask for; scored by bench/lib/attribute-scoring.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askedQuestions } from '../src/discovery/agent-acts.js';
import { collectCorpus } from '../src/discovery/corpus.js';
import { discoverIntents } from '../src/discovery/discover.js';
import { questionKey } from '../src/discovery/question-clusters.js';
import type { Conversation } from '../src/discovery/types.js';
import { maskPersonalData } from '../src/nlu/redact.js';
import { increment, inner, scoreAttributes, scoreGroups } from './lib/attribute-scoring.js';
import { scoreClustering } from './lib/cluster-metrics.js';

interface Frame {
  service: string;
  actions: Array<{ act: string; slot: string }>;
  state?: { active_intent: string };
}
interface Dialogue {
  dialogue_id: string;
  turns: Array<{ speaker: 'USER' | 'SYSTEM'; utterance: string; frames: Frame[] }>;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'min-weight': { type: 'string', default: '0.1' }, granularity: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' } } });
const dir = positionals[0] ?? path.join(process.cwd(), '..', 'shared', 'datasets', 'sgd-dev');
const minWeight = Number(values['min-weight']);

const dialogues: Dialogue[] = readdirSync(dir)
  .filter((f) => /^dialogues_\d+\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Dialogue[]);

/** Gold: the intent of each user turn (by dialogue and masked text), slots requested per question, dialogues per intent and slot. */
const intentOfTurn = new Map<string, string>();
const domainOf = new Map<string, string>();
const slotsOfQuestion = new Map<string, Map<string, number>>();
const dialoguesOfIntent = new Map<string, number>();
const requestedIn = new Map<string, Map<string, number>>();
for (const dialogue of dialogues) {
  let active = '';
  const intents = new Set<string>();
  const requested = new Set<string>();
  for (const turn of dialogue.turns) {
    if (turn.speaker === 'USER') {
      const frame = turn.frames.find((f) => f.state?.active_intent && f.state.active_intent !== 'NONE');
      if (frame) {
        active = frame.state!.active_intent;
        // The domain of a service ("Flights_1" -> Flights): the gold group of its intents.
        domainOf.set(active, frame.service.replace(/_\d+$/, ''));
      }
      if (active) intents.add(active);
      intentOfTurn.set(`${dialogue.dialogue_id}\u0000${maskPersonalData(turn.utterance).text}`, active);
      continue;
    }
    const slots = turn.frames.flatMap((f) => f.actions.filter((a) => a.act === 'REQUEST').map((a) => a.slot));
    for (const slot of slots) if (active) requested.add(`${active}\u0000${slot}`);
    for (const question of askedQuestions(maskPersonalData(turn.utterance).text)) {
      for (const slot of slots) increment(inner(slotsOfQuestion, questionKey(question)), slot);
    }
  }
  for (const intent of intents) increment(dialoguesOfIntent, intent);
  for (const pair of requested) {
    const [intent, slot] = pair.split('\u0000') as [string, string];
    increment(inner(requestedIn, intent), slot);
  }
}

const conversations: Conversation[] = dialogues.map((d) => ({
  conversationId: d.dialogue_id,
  turns: d.turns.map((t) => ({ role: t.speaker === 'USER' ? 'customer' : 'agent', text: t.utterance })),
}));
const started = Date.now();
const corpus = await collectCorpus(conversations);
const discovery = discoverIntents(corpus, { run: 'sgd', granularity: Number(values.granularity), seed: Number(values.seed), minWeight });
const seconds = (Date.now() - started) / 1000;

const intentOfRequest = new Map<string, string>();
for (const record of corpus.records) {
  record.requests.forEach((request, i) => {
    const gold = intentOfTurn.get(`${record.conversationId}\u0000${request.text}`);
    if (gold) intentOfRequest.set(i === 0 ? record.conversationId : `${record.conversationId}#${i + 1}`, gold);
  });
}
const { matched, report } = scoreAttributes(discovery, { intentOfRequest, attributesOfQuestion: slotsOfQuestion, conversationsOf: dialoguesOfIntent, askedIn: requestedIn }, minWeight);
console.log(`SGD dev: ${dialogues.length} dialogues, ${discovery.requests} requests, ${discovery.intents.length} discovered intents, ${matched} matched to a gold intent; ${seconds.toFixed(1)} s`);
console.log(report);
const labelled = discovery.assignments.filter((a) => intentOfRequest.has(a.id));
const intents = scoreClustering(labelled.map((a) => a.intentId ?? 'unclear'), labelled.map((a) => intentOfRequest.get(a.id)!));
console.log(`intents of the ${labelled.length} labelled requests: ACC ${intents.acc.toFixed(3)}, NMI ${intents.nmi.toFixed(3)}, ARI ${intents.ari.toFixed(3)}, ${intents.clusters} intents for ${intents.labels} labels`);
console.log(scoreGroups(discovery, intentOfRequest, (intent) => domainOf.get(intent)));
