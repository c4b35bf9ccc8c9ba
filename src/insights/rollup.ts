import { isDeepStrictEqual } from 'node:util';
import type { ConversationStore } from '../engine/store.js';
import type { Catalog } from '../library/catalog.js';
import { sumBucket, type BucketPlace } from './bucket.js';
import { bucketKey, outcomeOf, type Outcome } from './outcome.js';
import type { InsightStore } from './store.js';

/** Where each settled outcome goes besides the store (the OpenTelemetry counters: src/app/insight-metrics.ts). */
export interface OutcomeRecorder {
  /** A conversation whose outcome changed: `previous` is what the last roll-up stored for it, if anything. */
  changed(previous: Outcome | undefined, next: Outcome): void;
}

export interface RollupDeps {
  conversations: ConversationStore;
  insights: InsightStore;
  catalog(): Catalog;
  now(): Date;
  /** Milliseconds without a turn after which a conversation still in self-service counts as contained. */
  quietMs: number;
  recorder?: OutcomeRecorder;
  pageSize?: number;
}

export interface RollupSummary {
  startedAt: string;
  /** Conversations read (updated since the last roll-up, or gone quiet since). */
  read: number;
  /** Of those, the ones whose outcome changed. */
  changed: number;
  /** Buckets summed again. */
  buckets: number;
  ms: number;
}

const PAGE_SIZE = 1000;
/** A write that took its time after reading the clock still lands after the next roll-up's starting point. */
const LATE_WRITE_MS = 60_000;

/**
 * One roll-up: the outcome of every conversation updated since the last roll-up started (less the quiet time, so a
 * conversation that has gone quiet since is seen as contained), stored per conversation, then each bucket it left or
 * joined summed again from its outcomes. Running it twice, or on a conversation seen before, moves counts; it never
 * adds them twice.
 */
export async function rollUp(deps: RollupDeps): Promise<RollupSummary> {
  const started = deps.now();
  const last = await deps.insights.lastRollup();
  const since = last === null ? new Date(0) : new Date(Date.parse(last) - deps.quietMs - LATE_WRITE_MS);
  const catalog = deps.catalog();
  const touched = new Map<string, BucketPlace>();
  let read = 0;
  let changed = 0;
  for await (const page of deps.conversations.updatedSince(since, deps.pageSize ?? PAGE_SIZE)) {
    read += page.length;
    const next = page.map((state) => outcomeOf(state, catalog, started, deps.quietMs));
    const previous = new Map((await deps.insights.outcomes(next.map((outcome) => outcome.conversationId))).map((outcome) => [outcome.conversationId, outcome]));
    const moved = next.filter((outcome) => !isDeepStrictEqual(previous.get(outcome.conversationId), outcome));
    if (moved.length === 0) continue;
    await deps.insights.putOutcomes(moved);
    changed += moved.length;
    for (const outcome of moved) {
      const before = previous.get(outcome.conversationId);
      if (before) touched.set(bucketKey(before), placeOf(before));
      touched.set(bucketKey(outcome), placeOf(outcome));
      deps.recorder?.changed(before, outcome);
    }
  }
  for (const place of touched.values()) await deps.insights.putBucket(place, sumBucket(place, await deps.insights.outcomesIn(place)));
  await deps.insights.setLastRollup(started.toISOString());
  return { startedAt: started.toISOString(), read, changed, buckets: touched.size, ms: deps.now().getTime() - started.getTime() };
}

function placeOf(outcome: Outcome): BucketPlace {
  return { day: outcome.day, channel: outcome.channel, intentId: outcome.intentId, groupId: outcome.groupId };
}
