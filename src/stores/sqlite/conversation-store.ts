import type Database from 'better-sqlite3';
import { conversationStateSchema, type ConversationState } from '../../engine/state.js';
import type { ConversationStore } from '../../engine/store.js';
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
  const page = db.prepare<[number, number, number, string, number], StoredRow>(
    'SELECT id, etag, doc FROM conversations WHERE updated_at >= ? AND (updated_at > ? OR (updated_at = ? AND id > ?)) ORDER BY updated_at, id LIMIT ?',
  );
  return {
    async *updatedSince(since) {
      checkSince('updatedSince', since);
      let after = { at: -Infinity, id: '' };
      for (;;) {
        const rows = page.all(since.getTime(), after.at, after.at, after.id, PAGE);
        for (const row of rows) yield table.read(row).value;
        const last = rows.at(-1);
        if (!last || rows.length < PAGE) return;
        after = { at: Date.parse(table.read(last).value.updatedAt), id: last.id };
      }
    },
    get: async (conversationId) => table.get(conversationId),
    put: async (state, expectedEtag) => table.put(state, expectedEtag),
    async listActive(since, limit) {
      checkSince('listActive', since);
      if (!Number.isInteger(limit) || limit < 0) {
        throw new RangeError(`listActive: "limit" must be a whole number of at least 0, got ${String(limit)}`);
      }
      return active.all(since.getTime(), limit).map((row) => table.read(row).value);
    },
  };
}

/** Conversations read at once by `updatedSince`. */
const PAGE = 200;

function checkSince(method: string, since: Date): void {
  if (!(since instanceof Date) || Number.isNaN(since.getTime())) throw new RangeError(`${method}: "since" must be a valid Date, got ${String(since)}`);
}
