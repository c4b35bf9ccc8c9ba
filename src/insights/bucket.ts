import { z } from 'zod';
import { handoffKinds } from '../engine/state.js';
import type { Outcome } from './outcome.js';

const count = z.number().int().min(0);

/** Why hand-offs happened, counted: the four kinds, and `unrecorded` for hand-offs stored before kinds were. */
export const handoffReasonsSchema = z
  .object({ asked: count, 'gave-up': count, 'out-of-scope': count, caller: count, unrecorded: count })
  .strict();

/** The counts of a set of conversations (docs/insights.md says how each is computed). */
export const countsSchema = z
  .object({
    conversations: count,
    contained: count,
    handedOff: count,
    handoffReasons: handoffReasonsSchema,
    /** Customer turns that ended out of scope, and conversations with at least one. */
    outOfScopeTurns: count,
    outOfScopeConversations: count,
    clarifyTurns: count,
    clarifyConversations: count,
    thumbsDown: count,
    turns: count,
    /** Attribute name -> conversations that left its question unanswered. */
    unanswered: z.record(z.string(), count),
  })
  .strict();

/** The counts of one day, channel, intent and group: what the insights store keeps and the report sums. */
export const bucketSchema = z
  .object({
    day: z.iso.date(),
    channel: z.string(),
    intentId: z.string().nullable(),
    groupId: z.string().nullable(),
  })
  .extend(countsSchema.shape)
  .strict();

export type HandoffReasons = z.output<typeof handoffReasonsSchema>;
export type Counts = z.output<typeof countsSchema>;
export type Bucket = z.output<typeof bucketSchema>;
export type BucketPlace = Pick<Bucket, 'day' | 'channel' | 'intentId' | 'groupId'>;

export function emptyCounts(): Counts {
  const handoffReasons = Object.fromEntries([...handoffKinds, 'unrecorded'].map((kind) => [kind, 0])) as HandoffReasons;
  return {
    conversations: 0,
    contained: 0,
    handedOff: 0,
    handoffReasons,
    outOfScopeTurns: 0,
    outOfScopeConversations: 0,
    clarifyTurns: 0,
    clarifyConversations: 0,
    thumbsDown: 0,
    turns: 0,
    unanswered: {},
  };
}

/** Adds one conversation's outcome to `counts`. */
export function addOutcome(counts: Counts, outcome: Outcome): void {
  counts.conversations += 1;
  if (outcome.contained) counts.contained += 1;
  if (outcome.handedOff) {
    counts.handedOff += 1;
    counts.handoffReasons[outcome.handoffKind ?? 'unrecorded'] += 1;
  }
  counts.outOfScopeTurns += outcome.outOfScopeTurns;
  if (outcome.outOfScopeTurns > 0) counts.outOfScopeConversations += 1;
  counts.clarifyTurns += outcome.clarifyTurns;
  if (outcome.clarifyTurns > 0) counts.clarifyConversations += 1;
  counts.thumbsDown += outcome.thumbsDown;
  counts.turns += outcome.turns;
  for (const name of outcome.unanswered) counts.unanswered[name] = (counts.unanswered[name] ?? 0) + 1;
}

/** Adds `more` into `counts`; the unanswered questions too unless `questions` is false. */
export function addCounts(counts: Counts, more: Counts, questions = true): void {
  counts.conversations += more.conversations;
  counts.contained += more.contained;
  counts.handedOff += more.handedOff;
  for (const kind of Object.keys(counts.handoffReasons) as Array<keyof HandoffReasons>) counts.handoffReasons[kind] += more.handoffReasons[kind];
  counts.outOfScopeTurns += more.outOfScopeTurns;
  counts.outOfScopeConversations += more.outOfScopeConversations;
  counts.clarifyTurns += more.clarifyTurns;
  counts.clarifyConversations += more.clarifyConversations;
  counts.thumbsDown += more.thumbsDown;
  counts.turns += more.turns;
  if (!questions) return;
  for (const [name, times] of Object.entries(more.unanswered)) counts.unanswered[name] = (counts.unanswered[name] ?? 0) + times;
}

/** The bucket of `place` summed from every outcome stored in it; null when none is left. */
export function sumBucket(place: BucketPlace, outcomes: readonly Outcome[]): Bucket | null {
  if (outcomes.length === 0) return null;
  const counts = emptyCounts();
  for (const outcome of outcomes) addOutcome(counts, outcome);
  return { day: place.day, channel: place.channel, intentId: place.intentId, groupId: place.groupId, ...counts };
}
