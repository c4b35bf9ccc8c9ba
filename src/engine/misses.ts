import { z } from 'zod';

export const missReasons = ['out-of-scope', 'clarify', 'thumbs-down'] as const;

/**
 * A customer turn self-service did not understand: it ended out of scope or in a clarification question, or its
 * conversation got a representative's thumbs-down. Kept masked (the stored turn is), mined back into the library
 * by `intent-skill discover --misses` (docs/discovery.md, "Misses").
 */
export const missSchema = z
  .object({
    /** `conversationId#n`, n the turn's place in the whole conversation: harvesting twice keeps one. */
    id: z.string().min(1).max(420),
    conversationId: z.string().min(1).max(400),
    channel: z.string().max(100),
    /** When the customer said it. */
    at: z.iso.datetime({ offset: true }),
    text: z.string().max(1000),
    reason: z.enum(missReasons),
    /** The conversation's intent when harvested (a thumbs-down names the intent that was wrong), null without one. */
    intentId: z.string().nullable(),
    /** Whether the turn came right after an agent's question asking for something (not an open "how can I help?"): an answer more likely than a request. */
    afterQuestion: z.boolean(),
    /**
     * What the agent (or bot) did in its next two turns: asked what the request is (`prompt`: the turn did not say it
     * yet), asked for a value (`question`: a person worked on it as a request), replied without asking (`reply`), or
     * nothing yet (null). Updated by a later harvest of the conversation.
     */
    followedBy: z.enum(['prompt', 'question', 'reply']).nullable(),
    /** The first value the agent asked for then, as asked (masked like every stored turn): context for clustering. */
    followUp: z.string().max(1000).nullable(),
  })
  .strict();

export type Miss = z.output<typeof missSchema>;
export type MissReason = (typeof missReasons)[number];

/** What one `add` did: misses new to the store (not those updated), and the oldest dropped to keep it within its bound or retention. */
export interface MissesAdded {
  added: number;
  droppedForBound: number;
  droppedForRetention: number;
}

/**
 * The port misses are kept through (SQLite or Cosmos DB adapters in src/stores/): bounded (the oldest dropped first
 * when full) and with a retention (older ones dropped), both applied by `add`.
 */
export interface MissStore {
  /** Adds the misses not stored yet and updates those stored (by id), then drops what is over the bound or older than the retention at `now`. */
  add(misses: readonly Miss[], now: Date): Promise<MissesAdded>;
  /** The misses said since the given time, oldest first. */
  since(since: Date): AsyncIterable<Miss>;
  count(): Promise<number>;
}

/** How many misses are kept and for how long (MISSES_MAX, MISSES_RETENTION_DAYS). */
export interface MissLimits {
  max: number;
  retentionDays: number;
}

export const DEFAULT_MISS_LIMITS: MissLimits = { max: 50_000, retentionDays: 90 };

export function retentionCutoff(now: Date, limits: MissLimits): Date {
  return new Date(now.getTime() - limits.retentionDays * 86_400_000);
}
