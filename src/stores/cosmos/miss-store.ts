import type { Container } from '@azure/cosmos';
import { missSchema, retentionCutoff, type Miss, type MissLimits, type MissStore } from '../../engine/misses.js';
import { describeIssues } from '../../text/issues.js';
import { CorruptDocumentError } from '../documents.js';
import { itemId } from './ids.js';
import { classifyCosmosError, defaultRetryOptions, withRetry, type RetryOptions } from './retry.js';

interface MissItem {
  id: string;
  key: string;
  /** When the customer said it, in milliseconds: the order misses are read and dropped in. */
  atMs: number;
  doc: Miss;
}

const NOT_FOUND = 404;
const CREATED = 201;
/** Misses dropped per query when over the bound or past the retention. */
const DROP_PAGE = 500;

/**
 * Misses on Cosmos DB, one item each, partitioned by id: `add` is an upsert per miss plus, off the turn path,
 * cross-partition queries for what is past the retention and, when over the bound, for the oldest.
 */
export function cosmosMissStore(container: Container, limits: MissLimits, retry: RetryOptions = defaultRetryOptions): MissStore {
  const run = <T>(call: () => Promise<T>) => withRetry(call, classifyCosmosError, retry);
  function read(item: MissItem): Miss {
    const parsed = missSchema.safeParse(item.doc);
    if (!parsed.success) throw new CorruptDocumentError(container.id, item.key ?? item.id, describeIssues(parsed.error.issues));
    return parsed.data;
  }
  async function count(): Promise<number> {
    const { resources } = await run(() => container.items.query<number>('SELECT VALUE COUNT(1) FROM c').fetchAll());
    return resources.reduce((sum, n) => sum + n, 0);
  }
  async function remove(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const id of ids) {
      try {
        await run(() => container.item(id, id).delete());
        removed += 1;
      } catch (error) {
        if ((error as { code?: unknown }).code !== NOT_FOUND) throw error;
      }
    }
    return removed;
  }
  async function dropExpired(cutoff: number): Promise<number> {
    let dropped = 0;
    for (;;) {
      const { resources } = await run(() =>
        container.items
          .query<{ id: string }>({ query: 'SELECT TOP @n c.id FROM c WHERE c.atMs < @cutoff', parameters: [{ name: '@n', value: DROP_PAGE }, { name: '@cutoff', value: cutoff }] })
          .fetchAll(),
      );
      if (resources.length === 0) return dropped;
      dropped += await remove(resources.map((r) => r.id));
    }
  }
  async function dropOldest(over: number): Promise<number> {
    let dropped = 0;
    while (dropped < over) {
      const n = Math.min(DROP_PAGE, over - dropped);
      const { resources } = await run(() =>
        container.items.query<{ id: string }>({ query: 'SELECT TOP @n c.id FROM c ORDER BY c.atMs ASC', parameters: [{ name: '@n', value: n }] }).fetchAll(),
      );
      if (resources.length === 0) break;
      dropped += await remove(resources.map((r) => r.id));
    }
    return dropped;
  }
  return {
    async add(misses, now) {
      let added = 0;
      for (const miss of misses) {
        const doc = missSchema.parse(miss);
        const item: MissItem = { id: itemId(doc.id), key: doc.id, atMs: Date.parse(doc.at), doc };
        const response = await run(() => container.items.upsert(item));
        if (response.statusCode === CREATED) added += 1;
      }
      const droppedForRetention = await dropExpired(retentionCutoff(now, limits).getTime());
      const over = (await count()) - limits.max;
      const droppedForBound = over > 0 ? await dropOldest(over) : 0;
      return { added, droppedForBound, droppedForRetention };
    },
    async *since(since) {
      if (!(since instanceof Date) || Number.isNaN(since.getTime())) throw new RangeError(`since: "since" must be a valid Date, got ${String(since)}`);
      const pages = container.items
        .query<MissItem>({ query: 'SELECT * FROM c WHERE c.atMs >= @since ORDER BY c.atMs ASC', parameters: [{ name: '@since', value: since.getTime() }] }, { maxItemCount: 500 })
        .getAsyncIterator();
      for await (const { resources } of pages) for (const item of resources) yield read(item);
    },
    count,
  };
}
