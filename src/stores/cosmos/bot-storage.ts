import type { Container } from '@azure/cosmos';
import { ConcurrencyError } from '../../library/store.js';
import { itemId } from './ids.js';
import { classifyCosmosError, defaultRetryOptions, withRetry, type RetryOptions } from './retry.js';

/** One piece of Bot Framework state; `eTag` is the version it was read at ("*" writes whatever is stored). */
export interface BotStateItem {
  [property: string]: unknown;
  eTag?: string;
}

/**
 * Bot Framework's `Storage` (botbuilder's ConversationState and UserState keep their state through it),
 * with the semantics of botbuilder-azure's CosmosDbPartitionedStorage: an item written with the eTag it
 * was read at is replaced only if nobody changed it since; no eTag or "*" overwrites.
 */
export interface BotStateStorage {
  read(keys: string[]): Promise<Record<string, BotStateItem>>;
  write(changes: Record<string, BotStateItem>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

interface BotStateDocument {
  id: string;
  key: string;
  state: Record<string, unknown>;
}

const NOT_FOUND = 404;
const PRECONDITION_FAILED = 412;

/** Bot state in its own container partitioned by `/id`, one point read or write per key. */
export function cosmosBotStorage(container: Container, retry: RetryOptions = defaultRetryOptions): BotStateStorage {
  const run = <T>(operation: () => Promise<T>): Promise<T> => withRetry(operation, classifyCosmosError, retry);
  return {
    async read(keys) {
      const found = await Promise.all(
        keys.map(async (key) => {
          const id = itemId(key);
          const response = await run(() => container.item(id, id).read<BotStateDocument>());
          if (response.statusCode === NOT_FOUND || !response.resource) return null;
          return [key, { ...response.resource.state, eTag: response.etag }] as const;
        }),
      );
      return Object.fromEntries(found.filter((entry) => entry !== null));
    },
    async write(changes) {
      await Promise.all(
        Object.entries(changes).map(async ([key, { eTag, ...state }]) => {
          const id = itemId(key);
          const document: BotStateDocument = { id, key, state };
          if (eTag === undefined || eTag === '*' || eTag === '') {
            await run(() => container.items.upsert(document));
            return;
          }
          try {
            await run(() => container.item(id, id).replace(document, { accessCondition: { type: 'IfMatch', condition: eTag } }));
          } catch (error) {
            const code = (error as { code?: unknown }).code;
            if (code === PRECONDITION_FAILED || code === NOT_FOUND) throw new ConcurrencyError('bot state', key);
            throw error;
          }
        }),
      );
    },
    async delete(keys) {
      await Promise.all(
        keys.map(async (key) => {
          const id = itemId(key);
          try {
            await run(() => container.item(id, id).delete());
          } catch (error) {
            if ((error as { code?: unknown }).code !== NOT_FOUND) throw error;
          }
        }),
      );
    },
  };
}
