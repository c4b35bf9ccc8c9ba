/**
 * Attribute mining on Schema-Guided Dialogue (dev):
 *   npx tsx bench/sgd-attributes.ts [../shared/datasets/sgd-dev] [--min-weight 0.1] [--granularity G]
 * The dialogues become transcripts (user = customer, system = agent) and go through discovery as a
 * user's file would. Each discovered intent is matched to the gold intent of most of its requests
 * (when that is at least half of them); each mined attribute to the slot its questions request most
 * often (the system's REQUEST acts). Gold attributes of an intent: the slots the system requests in at
 * least --min-weight of the dialogues of that intent (the miner's own threshold); figures with every
 * requested slot as gold are printed too. Precision: mined attributes that name a distinct gold slot;
 * recall: gold slots found. Micro-averaged over matched intents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { collectCorpus } from '../src/discovery/corpus.js';
import { discoverIntents } from '../src/discovery/discover.js';
import { questionKey } from '../src/discovery/question-clusters.js';
import { askedQuestions } from '../src/discovery/turns.js';
import type { Conversation } from '../src/discovery/types.js';
import { maskPersonalData } from '../src/nlu/redact.js';

interface Frame {
  service: string;
  actions: Array<{ act: string; slot: string }>;
  state?: { active_intent: string };
}
interface Dialogue {
  dialogue_id: string;
  turns: Array<{ speaker: 'USER' | 'SYSTEM'; utterance: string; frames: Frame[] }>;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'min-weight': { type: 'string', default: '0.1' }, granularity: { type: 'string', default: '1' } } });
const dir = positionals[0] ?? path.join(process.cwd(), '..', 'shared', 'datasets', 'sgd-dev');
const minWeight = Number(values['min-weight']);

const dialogues: Dialogue[] = readdirSync(dir)
  .filter((f) => /^dialogues_\d+\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Dialogue[]);

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Gold: the intent of each user turn (by dialogue and masked text), slots requested per question, dialogues per intent and slot. */
const intentOfTurn = new Map<string, string>();
const slotsOfQuestion = new Map<string, Map<string, number>>();
const dialoguesOfIntent = new Map<string, number>();
const requestedIn = new Map<string, Map<string, number>>();
for (const dialogue of dialogues) {
  let active = '';
  const intents = new Set<string>();
  const requested = new Set<string>();
  for (const turn of dialogue.turns) {
    if (turn.speaker === 'USER') {
      active = turn.frames.map((f) => f.state?.active_intent).find((i) => i && i !== 'NONE') ?? active;
      if (active) intents.add(active);
      intentOfTurn.set(`${dialogue.dialogue_id}\u0000${maskPersonalData(turn.utterance).text}`, active);
      continue;
    }
    const slots = turn.frames.flatMap((f) => f.actions.filter((a) => a.act === 'REQUEST').map((a) => a.slot));
    for (const slot of slots) if (active) requested.add(`${active}\u0000${slot}`);
    for (const question of askedQuestions(maskPersonalData(turn.utterance).text)) {
      const counts = slotsOfQuestion.get(questionKey(question)) ?? slotsOfQuestion.set(questionKey(question), new Map()).get(questionKey(question))!;
      for (const slot of slots) increment(counts, slot);
    }
  }
  for (const intent of intents) increment(dialoguesOfIntent, intent);
  for (const pair of requested) {
    const [intent, slot] = pair.split('\u0000') as [string, string];
    increment(requestedIn.get(intent) ?? requestedIn.set(intent, new Map()).get(intent)!, slot);
  }
}

function goldSlots(intent: string, threshold: number): Set<string> {
  const total = dialoguesOfIntent.get(intent) ?? 0;
  return new Set([...(requestedIn.get(intent) ?? [])].filter(([, n]) => n / total >= threshold && n > 0).map(([slot]) => slot));
}

const conversations: Conversation[] = dialogues.map((d) => ({
  conversationId: d.dialogue_id,
  turns: d.turns.map((t) => ({ role: t.speaker === 'USER' ? 'customer' : 'agent', text: t.utterance })),
}));
const started = Date.now();
const corpus = await collectCorpus(conversations);
const discovery = discoverIntents(corpus, { run: 'sgd', granularity: Number(values.granularity), minWeight });
const seconds = (Date.now() - started) / 1000;

const goldOfRequest = new Map<string, string>();
for (const record of corpus.records) {
  record.requests.forEach((request, i) => {
    const gold = intentOfTurn.get(`${record.conversationId}\u0000${request.text}`);
    if (gold) goldOfRequest.set(i === 0 ? record.conversationId : `${record.conversationId}#${i + 1}`, gold);
  });
}
const goldVotes = new Map<string, Map<string, number>>();
for (const { id, intentId } of discovery.assignments) {
  const gold = goldOfRequest.get(id);
  if (intentId && gold) increment(goldVotes.get(intentId) ?? goldVotes.set(intentId, new Map()).get(intentId)!, gold);
}

function slotOf(phrasings: ReadonlyArray<{ text: string; count: number }>): string | undefined {
  const votes = new Map<string, number>();
  for (const { text, count } of phrasings) {
    const counts = slotsOfQuestion.get(questionKey(text));
    if (!counts) continue;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    for (const [slot, n] of counts) increment(votes, slot, (count * n) / total);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const totals = { strict: { tp: 0, mined: 0, found: 0, gold: 0 }, all: { tp: 0, mined: 0, found: 0, gold: 0 } };
let matched = 0;
const lines: string[] = [];
for (const { intent, attributes } of discovery.intents) {
  const votes = [...(goldVotes.get(intent.id) ?? [])].sort((a, b) => b[1] - a[1]);
  const size = votes.reduce((sum, [, n]) => sum + n, 0);
  if (votes.length === 0 || votes[0]![1] / size < 0.5) continue;
  matched += 1;
  const gold = votes[0]![0];
  const slots = attributes.map((a) => slotOf(a.phrasings));
  for (const [name, threshold] of [['strict', minWeight], ['all', 0]] as const) {
    const wanted = goldSlots(gold, threshold);
    const hit = new Set(slots.filter((s): s is string => s !== undefined && wanted.has(s)));
    totals[name].tp += hit.size;
    totals[name].mined += attributes.length;
    totals[name].found += hit.size;
    totals[name].gold += wanted.size;
  }
  lines.push(`  ${intent.id} -> ${gold} (${votes[0]![1]}/${size}): mined ${attributes.map((a, i) => `${a.name}=${slots[i] ?? '?'}`).join(', ') || '-'}; gold ${[...goldSlots(gold, minWeight)].join(', ') || '-'}`);
}

function figure(t: { tp: number; mined: number; found: number; gold: number }): string {
  const p = t.mined ? t.tp / t.mined : 0;
  const r = t.gold ? t.found / t.gold : 0;
  return `precision ${p.toFixed(3)} (${t.tp}/${t.mined}), recall ${r.toFixed(3)} (${t.found}/${t.gold})`;
}

console.log(`SGD dev: ${dialogues.length} dialogues, ${discovery.requests} requests, ${discovery.intents.length} discovered intents, ${matched} matched to a gold intent; ${seconds.toFixed(1)} s`);
console.log(lines.join('\n'));
console.log(`gold = slots requested in >= ${minWeight} of the intent's dialogues: ${figure(totals.strict)}`);
console.log(`gold = every slot ever requested for the intent:        ${figure(totals.all)}`);
