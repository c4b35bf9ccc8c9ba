import type { Bucket, BucketPlace } from './bucket.js';
import type { Outcome } from './outcome.js';

/**
 * The port the insights keep their counts through (SQLite and Cosmos DB adapters in src/stores/): each conversation's
 * outcome, the buckets summed from them per day, channel, intent and group, and when the last roll-up started.
 * Nothing here is on a conversation turn.
 */
export interface InsightStore {
  /** The outcomes stored for these conversations (those rolled up before; the others are absent). */
  outcomes(conversationIds: readonly string[]): Promise<Outcome[]>;
  /** Stores each outcome, replacing the conversation's previous one. */
  putOutcomes(outcomes: readonly Outcome[]): Promise<void>;
  /** Every outcome stored in one bucket. */
  outcomesIn(place: BucketPlace): Promise<Outcome[]>;
  /** Replaces the bucket of `place` (null: no conversation is left in it, remove it). */
  putBucket(place: BucketPlace, bucket: Bucket | null): Promise<void>;
  /** The buckets of the days from `fromDay` to `toDay` (YYYY-MM-DD, both included). */
  buckets(fromDay: string, toDay: string): Promise<Bucket[]>;
  /** When the last roll-up started (ISO time), null before the first. */
  lastRollup(): Promise<string | null>;
  setLastRollup(at: string): Promise<void>;
}
