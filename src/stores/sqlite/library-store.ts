import type Database from 'better-sqlite3';
import { intentLibrarySchema, type IntentLibrary } from '../../library/schema.js';
import type { LibraryStore } from '../../library/store.js';
import { documentTable } from './document-table.js';

export function sqliteLibraryStore(db: Database.Database): LibraryStore {
  const table = documentTable<IntentLibrary>(db, {
    table: 'libraries',
    kind: 'library',
    schema: intentLibrarySchema,
    idKey: 'id',
    columns: { name: (library) => library.name, updated_at: (library) => library.updatedAt },
  });
  const list = db.prepare<[], { id: string; name: string; updatedAt: string }>(
    'SELECT id, name, updated_at AS updatedAt FROM libraries ORDER BY name, id',
  );
  return {
    get: async (id) => table.get(id),
    put: async (library, expectedEtag) => table.put(library, expectedEtag),
    list: async () => list.all(),
  };
}
