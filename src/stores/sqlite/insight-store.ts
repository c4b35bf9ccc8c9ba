import type Database from 'better-sqlite3';
import { bucketSchema, type Bucket } from '../../insights/bucket.js';
import { bucketKey, outcomeSchema } from '../../insights/outcome.js';
import type { InsightStore } from '../../insights/store.js';
import { describeIssues } from '../../text/issues.js';
import { CorruptDocumentError } from '../documents.js';
import type { z } from 'zod';

/** Outcomes are read and written in slices of this many ids (SQLite's bound parameters are limited). */
const SLICE = 500;

export function sqliteInsightStore(db: Database.Database): InsightStore {
  const putOutcome = db.prepare<[string, string, string]>(
    'INSERT INTO insight_outcomes (conversation_id, bucket, doc) VALUES (?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET bucket = excluded.bucket, doc = excluded.doc',
  );
  const inBucket = db.prepare<[string], { conversation_id: string; doc: string }>('SELECT conversation_id, doc FROM insight_outcomes WHERE bucket = ?');
  const putBucket = db.prepare<[string, string, string]>(
    'INSERT INTO insight_buckets (bucket, day, doc) VALUES (?, ?, ?) ON CONFLICT (bucket) DO UPDATE SET day = excluded.day, doc = excluded.doc',
  );
  const dropBucket = db.prepare<[string]>('DELETE FROM insight_buckets WHERE bucket = ?');
  const bucketsBetween = db.prepare<[string, string], { bucket: string; doc: string }>('SELECT bucket, doc FROM insight_buckets WHERE day >= ? AND day <= ?');
  const lastRollup = db.prepare<[], { started_at: string }>('SELECT started_at FROM insight_rollups WHERE id = 1');
  const setLastRollup = db.prepare<[string]>('INSERT INTO insight_rollups (id, started_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at');
  const putOutcomes = db.transaction((outcomes: readonly z.output<typeof outcomeSchema>[]) => {
    // Outcomes come typed from outcomeOf(); they are validated when read back.
    for (const outcome of outcomes) putOutcome.run(outcome.conversationId, bucketKey(outcome), JSON.stringify(outcome));
  });

  function parse<S extends z.ZodType>(schema: S, table: string, id: string, doc: string): z.output<S> {
    let json: unknown;
    try {
      json = JSON.parse(doc);
    } catch (error) {
      throw new CorruptDocumentError(table, id, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new CorruptDocumentError(table, id, describeIssues(parsed.error.issues));
    return parsed.data;
  }

  // Buckets as last parsed, by their stored text: a report re-reads the rows but parses only those that changed.
  const parsedBuckets = new Map<string, { doc: string; bucket: Bucket }>();
  function readBucket(row: { bucket: string; doc: string }): Bucket {
    const known = parsedBuckets.get(row.bucket);
    if (known?.doc === row.doc) return known.bucket;
    const bucket = parse(bucketSchema, 'insight_buckets', row.bucket, row.doc);
    parsedBuckets.set(row.bucket, { doc: row.doc, bucket });
    return bucket;
  }

  return {
    async outcomes(conversationIds) {
      const found = [];
      for (let start = 0; start < conversationIds.length; start += SLICE) {
        const slice = conversationIds.slice(start, start + SLICE);
        const rows = db
          .prepare<string[], { conversation_id: string; doc: string }>(
            `SELECT conversation_id, doc FROM insight_outcomes WHERE conversation_id IN (${slice.map(() => '?').join(', ')})`,
          )
          .all(...slice);
        for (const row of rows) found.push(parse(outcomeSchema, 'insight_outcomes', row.conversation_id, row.doc));
      }
      return found;
    },
    async putOutcomes(outcomes) {
      putOutcomes(outcomes);
    },
    async outcomesIn(place) {
      return inBucket.all(bucketKey(place)).map((row) => parse(outcomeSchema, 'insight_outcomes', row.conversation_id, row.doc));
    },
    async putBucket(place, bucket) {
      const key = bucketKey(place);
      parsedBuckets.delete(key);
      if (bucket) putBucket.run(key, place.day, JSON.stringify(bucketSchema.parse(bucket)));
      else dropBucket.run(key);
    },
    async buckets(fromDay, toDay) {
      return bucketsBetween.all(fromDay, toDay).map(readBucket);
    },
    async lastRollup() {
      return lastRollup.get()?.started_at ?? null;
    },
    async setLastRollup(at) {
      setLastRollup.run(at);
    },
  };
}
