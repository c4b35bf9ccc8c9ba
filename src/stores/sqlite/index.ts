import type { ConversationStore } from '../../engine/store.js';
import { DEFAULT_MISS_LIMITS, type MissLimits, type MissStore } from '../../engine/misses.js';
import { sqliteMissStore } from './miss-store.js';
import type { InsightStore } from '../../insights/store.js';
import type { LibraryStore } from '../../library/store.js';
import { sqliteConversationStore } from './conversation-store.js';
import { sqliteInsightStore } from './insight-store.js';
import { sqliteLibraryStore } from './library-store.js';
import { openDatabase } from './database.js';

export { CorruptDocumentError, InvalidDocumentError } from '../documents.js';
export { StoreOpenError } from './database.js';
export { SqliteEventBus, type SqliteEventBusOptions } from './event-bus.js';

export interface SqliteStores {
  libraries: LibraryStore;
  conversations: ConversationStore;
  misses: MissStore;
  insights: InsightStore;
  close(): void;
}

/** Opens (creating if needed) and migrates the database at `filePath`; ':memory:' gives a private in-memory one. */
export function openSqliteStores(filePath: string, missLimits: MissLimits = DEFAULT_MISS_LIMITS): SqliteStores {
  const db = openDatabase(filePath);
  return {
    libraries: sqliteLibraryStore(db),
    conversations: sqliteConversationStore(db),
    misses: sqliteMissStore(db, missLimits),
    insights: sqliteInsightStore(db),
    close: () => db.close(),
  };
}
