import type { Attribute } from '../library/schema.js';
import { nameAttribute } from './attribute-names.js';
import { clusterQuestions, mergeByAnswers, mergeByTopic, questionKey, type QuestionCluster } from './question-clusters.js';
import type { Exchange } from './turns.js';
import { inferValueType, type InferredType } from './value-types.js';
import { topicWords } from './words.js';

/** Types whose answers name things (cities, plans) rather than dates or numbers that any question could get. */
const VALUE_KINDS: ReadonlySet<string> = new Set(['text', 'enum']);

export interface MiningOptions {
  /** Smallest share of an intent's conversations in which a question must be asked. Default 0.1. */
  minWeight?: number;
  /** How many times more often than across all conversations it must be asked in this intent's. Default 1.5. */
  minLift?: number;
}

/** Questions asked across all conversations: how many conversations asked each (by question key). */
export interface QuestionTotals {
  conversations: number;
  byKey: ReadonlyMap<string, number>;
}

export interface MinedAttribute extends Attribute {
  /** Conversations of the intent in which it was asked. */
  conversations: number;
  /** How agents asked for it, with how many conversations asked it so, most frequent first. */
  phrasings: Array<{ text: string; count: number }>;
}

/** Counts, per question key, the conversations that asked it. */
export function countQuestions(conversations: Iterable<readonly Exchange[]>): QuestionTotals {
  const byKey = new Map<string, number>();
  let total = 0;
  for (const exchanges of conversations) {
    total += 1;
    for (const key of new Set(exchanges.map((e) => questionKey(e.question)))) byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  return { conversations: total, byKey };
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${name.slice(0, 62)}${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The attributes of one intent, from the questions agents asked in its conversations (one list of
 * exchanges a conversation): questions grouped by what they ask, kept when asked in at least
 * `minWeight` of the conversations and clearly more than in conversations at large (so "How is your
 * day going?" is not an attribute), typed from the answers, weighted by share of conversations.
 */
export function mineAttributes(conversations: ReadonlyArray<readonly Exchange[]>, totals: QuestionTotals, options: MiningOptions = {}): MinedAttribute[] {
  const { minWeight = 0.1, minLift = 1.5 } = options;
  if (conversations.length === 0) return [];
  const counts = new Map<string, number>();
  const phrasing = new Map<string, string>();
  const answers = new Map<string, string[]>();
  const askedIn = conversations.map((exchanges) => {
    const keys = new Set<string>();
    for (const { question, answer } of exchanges) {
      const key = questionKey(question);
      if (!phrasing.has(key)) phrasing.set(key, question.trim());
      (answers.get(key) ?? answers.set(key, []).get(key)!).push(answer);
      keys.add(key);
    }
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return keys;
  });
  const answersOf = (cluster: QuestionCluster) => cluster.phrasings.flatMap((p) => answers.get(p.text) ?? []);
  const typeOf = new Map<QuestionCluster, InferredType>();
  const inferred = (cluster: QuestionCluster): InferredType =>
    typeOf.get(cluster) ?? typeOf.set(cluster, inferValueType(answersOf(cluster), phrasing.get(cluster.phrasings[0]!.text)!)).get(cluster)!;
  const sameKind = (a: QuestionCluster, b: QuestionCluster) => inferred(a).type === inferred(b).type && inferred(a).type !== 'identifier';
  const valuesOf = (cluster: QuestionCluster) => new Set(answersOf(cluster).map((a) => topicWords(a).join(' ')).filter((v) => v !== ''));
  const clusters = mergeByAnswers(mergeByTopic(clusterQuestions(counts), sameKind), valuesOf, (a, b) => sameKind(a, b) && VALUE_KINDS.has(inferred(a).type));
  const taken = new Set<string>();
  const mined: MinedAttribute[] = [];
  for (const cluster of clusters) {
    const keys = new Set(cluster.phrasings.map((p) => p.text));
    const asked = askedIn.filter((set) => [...set].some((key) => keys.has(key))).length;
    const weight = asked / conversations.length;
    const overall = cluster.phrasings.reduce((sum, p) => sum + (totals.byKey.get(p.text) ?? 0), 0) / Math.max(1, totals.conversations);
    if (asked < 2 || weight < minWeight || (overall > 0 && weight / overall < minLift)) continue;
    const question = phrasing.get(cluster.phrasings[0]!.text)!;
    const type = inferValueType(answersOf(cluster), question);
    const shown = cluster.phrasings.map((p) => ({ text: phrasing.get(p.text)!, count: p.count }));
    mined.push({
      name: uniqueName(nameAttribute(shown, type.type), taken),
      description: `Asked in ${Math.round(weight * 100)}% of these conversations.`,
      ...type,
      question,
      required: weight >= 0.6,
      weight: Math.round(weight * 1000) / 1000,
      conversations: asked,
      phrasings: shown,
    });
  }
  return mined.sort((a, b) => b.weight - a.weight).slice(0, 50);
}
