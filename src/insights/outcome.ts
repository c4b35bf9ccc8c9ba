import { z } from 'zod';
import type { Catalog } from '../library/catalog.js';
import { handoffKinds, type ConversationState } from '../engine/state.js';

/**
 * What one conversation counts for in the insights (docs/insights.md): where it falls (its first day, channel, intent
 * and group) and how it went. Stored per conversation, so a conversation rolled up again moves its counts, never adds.
 */
export const outcomeSchema = z
  .object({
    conversationId: z.string().min(1),
    /** The UTC day the conversation started, YYYY-MM-DD. */
    day: z.iso.date(),
    channel: z.string(),
    /**
     * The conversation's intent: the current one, or the last one it had (a conversation closed with "thanks, bye" has
     * none left); null when no intent of the library was found.
     */
    intentId: z.string().nullable(),
    /** The intent's group in the library at roll-up time; null without an intent or when the library no longer has it. */
    groupId: z.string().nullable(),
    contained: z.boolean(),
    handedOff: z.boolean(),
    /** Why it was handed off; null when it was not, or when the hand-off predates the kinds. */
    handoffKind: z.enum(handoffKinds).nullable(),
    outOfScopeTurns: z.number().int().min(0),
    clarifyTurns: z.number().int().min(0),
    thumbsDown: z.number().int().min(0),
    turns: z.number().int().min(0),
    /** Attributes asked (or declined) but never answered, once the conversation is over. */
    unanswered: z.array(z.string()),
  })
  .strict();

export type Outcome = z.output<typeof outcomeSchema>;

/** The bucket an outcome is summed into: day, channel, intent and group. */
export function bucketKey(outcome: Pick<Outcome, 'day' | 'channel' | 'intentId' | 'groupId'>): string {
  return JSON.stringify([outcome.day, outcome.channel, outcome.intentId, outcome.groupId]);
}

/**
 * A conversation's outcome as of `now`. Contained: it ended, or went quiet for `quietMs` in self-service, without a
 * hand-off. Handed off: a hand-off was recorded (or it was escalated). A conversation still going is neither, yet.
 */
export function outcomeOf(state: ConversationState, catalog: Catalog, now: Date, quietMs: number): Outcome {
  const handedOff = state.handoff !== null || state.escalated;
  const quiet = now.getTime() - Date.parse(state.updatedAt) >= quietMs;
  const contained = !handedOff && state.phase === 'self-service' && (state.status === 'ended' || quiet);
  const over = handedOff || contained;
  const intentId = state.intent?.id ?? lastIntentOf(state);
  const unanswered = over ? [...new Set([...state.asked, ...state.declined])].filter((name) => !(name in state.attributes)).sort() : [];
  return {
    conversationId: state.conversationId,
    day: new Date(state.createdAt).toISOString().slice(0, 10),
    channel: state.channel,
    intentId,
    groupId: intentId ? (catalog.intent(intentId)?.groupId ?? null) : null,
    contained,
    handedOff,
    handoffKind: handedOff ? (state.handoff?.kind ?? null) : null,
    outOfScopeTurns: state.outOfScopeTurns,
    clarifyTurns: state.clarifyTurns,
    thumbsDown: state.feedback.filter((entry) => entry.rating === 'down').length,
    turns: state.turnCount,
    unanswered,
  };
}

/** The intent a conversation last had and the customer did not rule out, from its history. */
function lastIntentOf(state: ConversationState): string | null {
  return [...state.intentHistory].reverse().find((entry) => !state.rejectedIntents.includes(entry.intent))?.intent ?? null;
}
