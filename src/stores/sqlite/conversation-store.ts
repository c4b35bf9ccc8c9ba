import type Database from 'better-sqlite3';
import { conversationStateSchema, type ConversationState } from '../../engine/state.js';
import type { ConversationStore } from '../../engine/store.js';
import { checkPaging } from '../documents.js';
import { documentTable, type StoredRow } from './document-table.js';

export function sqliteConversationStore(db: Database.Database): ConversationStore {
  const table = documentTable<ConversationState>(db, {
    table: 'conversations',
    kind: 'conversation',
    schema: conversationStateSchema,
    idKey: 'conversationId',
    // Milliseconds, not the ISO text: timestamps with different offsets must still sort by instant.
    columns: { updated_at: (state) => Date.parse(state.updatedAt) },
  });
  const active = db.prepare<[number, number], StoredRow>(
    'SELECT id, etag, doc FROM conversations WHERE updated_at >= ? ORDER BY updated_at DESC, id LIMIT ?',
  );
  // Keyset pages over the index on update time: (updated_at, id) after the last row of the page before.
  const firstPage = db.prepare<[number, number], StoredRow & { updated_at: number }>(
    'SELECT id, etag, doc, updated_at FROM conversations WHERE updated_at >= ? ORDER BY updated_at, id LIMIT ?',
  );
  const nextPage = db.prepare<[number, number, string, number], StoredRow & { updated_at: number }>(
    'SELECT id, etag, doc, updated_at FROM conversations WHERE updated_at > ? OR (updated_at = ? AND id > ?) ORDER BY updated_at, id LIMIT ?',
  );
  return {
    get: async (conversationId) => table.get(conversationId),
    put: async (state, expectedEtag) => table.put(state, expectedEtag),
    async listActive(since, limit) {
      if (!(since instanceof Date) || Number.isNaN(since.getTime())) {
        throw new RangeError(`listActive: "since" must be a valid Date, got ${String(since)}`);
      }
      if (!Number.isInteger(limit) || limit < 0) {
        throw new RangeError(`listActive: "limit" must be a whole number of at least 0, got ${String(limit)}`);
      }
      return active.all(since.getTime(), limit).map((row) => table.read(row).value);
    },
    async *updatedSince(since, pageSize) {
      checkPaging(since, pageSize);
      let rows = firstPage.all(since.getTime(), pageSize);
      while (rows.length > 0) {
        yield rows.map((row) => table.read(row).value);
        const last = rows[rows.length - 1]!;
        if (rows.length < pageSize) return;
        rows = nextPage.all(last.updated_at, last.updated_at, last.id, pageSize);
      }
    },
  };
}
