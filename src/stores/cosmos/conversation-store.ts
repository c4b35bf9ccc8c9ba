import type { Container } from '@azure/cosmos';
import { conversationStateSchema, type ConversationState } from '../../engine/state.js';
import type { ConversationStore } from '../../engine/store.js';
import { checkPaging } from '../documents.js';
import { documentContainer, type StoredItem } from './documents.js';
import type { RetryOptions } from './retry.js';

export interface ConversationStoreOptions {
  /** Seconds a conversation is kept after its last write (the container must have time-to-live on); null keeps it. */
  ttlSeconds: number | null;
  retry?: RetryOptions;
}

/**
 * Conversation states, one item per conversation, partitioned by conversation id: a turn is one point
 * read and one etag-conditional write in a single partition.
 */
export function cosmosConversationStore(container: Container, options: ConversationStoreOptions): ConversationStore {
  const documents = documentContainer<ConversationState>(
    container,
    {
      kind: 'conversation',
      schema: conversationStateSchema,
      key: (state) => state.conversationId,
      // Milliseconds, not the ISO text: times with different offsets must still sort by instant.
      extra: (state) => ({ updatedAtMs: Date.parse(state.updatedAt), ...(options.ttlSeconds === null ? {} : { ttl: options.ttlSeconds }) }),
    },
    options.retry,
  );
  return {
    get: (conversationId) => documents.get(conversationId),
    put: (state, expectedEtag) => documents.put(state, expectedEtag),
    async listActive(since, limit) {
      if (!(since instanceof Date) || Number.isNaN(since.getTime())) {
        throw new RangeError(`listActive: "since" must be a valid Date, got ${String(since)}`);
      }
      if (!Number.isInteger(limit) || limit < 0) {
        throw new RangeError(`listActive: "limit" must be a whole number of at least 0, got ${String(limit)}`);
      }
      if (limit === 0) return [];
      // A cross-partition query for the representative's list, never on a conversation turn.
      const { resources } = await container.items
        .query<StoredItem & { _etag: string }>({
          query: 'SELECT TOP @limit * FROM c WHERE c.updatedAtMs >= @since ORDER BY c.updatedAtMs DESC',
          parameters: [
            { name: '@limit', value: limit },
            { name: '@since', value: since.getTime() },
          ],
        })
        .fetchAll();
      return resources.map((item) => documents.read(item).value);
    },
    async *updatedSince(since, pageSize) {
      checkPaging(since, pageSize);
      // A cross-partition query for the insights roll-up, paged with continuation tokens, never on a turn.
      const pages = container.items
        .query<StoredItem & { _etag: string }>(
          { query: 'SELECT * FROM c WHERE c.updatedAtMs >= @since ORDER BY c.updatedAtMs', parameters: [{ name: '@since', value: since.getTime() }] },
          { maxItemCount: pageSize },
        )
        .getAsyncIterator();
      for await (const page of pages) {
        if (page.resources.length > 0) yield page.resources.map((item) => documents.read(item).value);
      }
    },
  };
}
