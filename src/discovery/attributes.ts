import type { Attribute } from '../library/schema.js';
import { attributeTitle } from '../library/formats.js';
import { nameAttribute } from './attribute-names.js';
import { clusterQuestions, questionKey, type QuestionCluster } from './question-clusters.js';
import type { Exchange } from './turns.js';
import { inferValueType } from './value-types.js';

export interface MiningOptions {
  /** Smallest share of an intent's conversations in which a question must be asked. Default 0.1. */
  minWeight?: number;
  /** How many times more often than across all conversations it must be asked in this intent's. Default 1.2. */
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
  const { minWeight = 0.1, minLift = 1.2 } = options;
  if (conversations.length === 0) return [];
  const phrasing = new Map<string, string>();
  const asked = new Map<string, Map<number, string[]>>();
  conversations.forEach((exchanges, index) => {
    for (const { question, answer } of exchanges) {
      const key = questionKey(question);
      if (!phrasing.has(key)) phrasing.set(key, question.trim());
      const byConversation = asked.get(key) ?? asked.set(key, new Map()).get(key)!;
      (byConversation.get(index) ?? byConversation.set(index, []).get(index)!).push(answer);
    }
  });
  const clusters = clusterQuestions([...asked].map(([key, answersIn]) => ({ key, answersIn })), (answers, question) => inferValueType(answers, question).type);
  const answersOf = (cluster: QuestionCluster) => cluster.phrasings.flatMap((p) => [...asked.get(p.text)!.values()].flat());
  const taken = new Set<string>();
  const mined: MinedAttribute[] = [];
  for (const cluster of clusters) {
    const askedIn = new Set(cluster.phrasings.flatMap((p) => [...asked.get(p.text)!.keys()]));
    const weight = askedIn.size / conversations.length;
    const overall = cluster.phrasings.reduce((sum, p) => sum + (totals.byKey.get(p.text) ?? 0), 0) / Math.max(1, totals.conversations);
    if (askedIn.size < 2 || weight < minWeight || (overall > 0 && weight / overall < minLift)) continue;
    const question = phrasing.get(cluster.phrasings[0]!.text)!;
    const type = inferValueType(answersOf(cluster), question);
    const shown = cluster.phrasings.map((p) => ({ text: phrasing.get(p.text)!, count: p.count }));
    const name = uniqueName(nameAttribute(shown, type.type, cluster.kind), taken);
    mined.push({
      name,
      label: attributeTitle({ name }),
      description: `Asked in ${Math.round(weight * 100)}% of these conversations.`,
      ...type,
      question,
      required: weight >= 0.6,
      weight: Math.round(weight * 1000) / 1000,
      conversations: askedIn.size,
      phrasings: shown,
    });
  }
  return mined.sort((a, b) => b.weight - a.weight).slice(0, 50);
}
