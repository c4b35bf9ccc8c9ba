import type { Container } from '@azure/cosmos';
import type { z } from 'zod';
import { bucketSchema, type BucketPlace } from '../../insights/bucket.js';
import { bucketKey, outcomeSchema, type Outcome } from '../../insights/outcome.js';
import type { InsightStore } from '../../insights/store.js';
import { describeIssues } from '../../text/issues.js';
import { CorruptDocumentError } from '../documents.js';
import { itemId } from './ids.js';
import { classifyCosmosError, defaultRetryOptions, withRetry, type RetryOptions } from './retry.js';

/** Writes and point reads run this many at a time. */
const PARALLEL = 16;
const NOT_FOUND = 404;
const ROLLUP_ID = 'rollup';

interface InsightItem {
  id: string;
  type: 'outcome' | 'bucket' | 'rollup';
  key: string;
  bucket?: string;
  day?: string;
  doc: unknown;
}

/**
 * The insights on Cosmos DB, in their own container partitioned by `/id`: one item per conversation's outcome, one per
 * bucket (day, channel, intent, group) and one for the last roll-up. Roll-ups query across partitions; turns never
 * touch this container.
 */
export function cosmosInsightStore(container: Container, retry: RetryOptions = defaultRetryOptions): InsightStore {
  const run = <T>(operation: () => Promise<T>) => withRetry(operation, classifyCosmosError, retry);

  function read<S extends z.ZodType>(schema: S, item: InsightItem): z.output<S> {
    const parsed = schema.safeParse(item.doc);
    if (!parsed.success) throw new CorruptDocumentError(container.id, item.key, describeIssues(parsed.error.issues));
    return parsed.data;
  }

  async function pointRead(id: string): Promise<InsightItem | null> {
    const response = await run(() => container.item(id, id).read<InsightItem>());
    return response.statusCode === NOT_FOUND || !response.resource ? null : response.resource;
  }

  async function upsert(item: InsightItem): Promise<void> {
    await run(() => container.items.upsert(item));
  }

  async function query(text: string, parameters: Array<{ name: string; value: string }>): Promise<InsightItem[]> {
    const { resources } = await run(() => container.items.query<InsightItem>({ query: text, parameters }).fetchAll());
    return resources;
  }

  const outcomeId = (conversationId: string) => itemId(`outcome|${conversationId}`);
  const bucketId = (place: BucketPlace) => itemId(`bucket|${bucketKey(place)}`);

  return {
    async outcomes(conversationIds) {
      const found = await inParallel(conversationIds, (id) => pointRead(outcomeId(id)));
      return found.filter((item): item is InsightItem => item !== null).map((item) => read(outcomeSchema, item));
    },
    async putOutcomes(outcomes) {
      await inParallel(outcomes, (outcome: Outcome) =>
        upsert({ id: outcomeId(outcome.conversationId), type: 'outcome', key: outcome.conversationId, bucket: bucketKey(outcome), doc: outcome }),
      );
    },
    async outcomesIn(place) {
      const items = await query('SELECT * FROM c WHERE c.type = "outcome" AND c.bucket = @bucket', [{ name: '@bucket', value: bucketKey(place) }]);
      return items.map((item) => read(outcomeSchema, item));
    },
    async putBucket(place, bucket) {
      const id = bucketId(place);
      if (bucket) {
        await upsert({ id, type: 'bucket', key: bucketKey(place), day: place.day, doc: bucketSchema.parse(bucket) });
        return;
      }
      try {
        await run(() => container.item(id, id).delete());
      } catch (error) {
        if ((error as { code?: unknown }).code !== NOT_FOUND) throw error;
      }
    },
    async buckets(fromDay, toDay) {
      const items = await query('SELECT * FROM c WHERE c.type = "bucket" AND c.day >= @from AND c.day <= @to', [
        { name: '@from', value: fromDay },
        { name: '@to', value: toDay },
      ]);
      return items.map((item) => read(bucketSchema, item));
    },
    async lastRollup() {
      const item = await pointRead(ROLLUP_ID);
      return typeof item?.doc === 'string' ? item.doc : null;
    },
    async setLastRollup(at) {
      await upsert({ id: ROLLUP_ID, type: 'rollup', key: ROLLUP_ID, doc: at });
    },
  };
}

async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}
