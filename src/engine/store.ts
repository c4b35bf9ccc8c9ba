import type { Versioned } from '../library/store.js';
import type { ConversationState } from './state.js';

/**
 * The port the engine stores conversations through (SQLite or Cosmos DB adapters in src/stores/), with the
 * optimistic concurrency of the library store: a null etag means "must not exist yet".
 */
export interface ConversationStore {
  get(conversationId: string): Promise<Versioned<ConversationState> | null>;
  put(state: ConversationState, expectedEtag: string | null): Promise<string>;
  /** Conversations updated since the given time, newest first (for the representative's list). */
  listActive(since: Date, limit: number): Promise<ConversationState[]>;
  /**
   * Every conversation updated at or after `since`, oldest update first, in pages of at most `pageSize` (for the
   * insights roll-up, never on a turn). A conversation updated while the pages are read may be seen twice or not at
   * all; the roll-up reads again from before its own start next time.
   */
  updatedSince(since: Date, pageSize: number): AsyncIterable<ConversationState[]>;
}
