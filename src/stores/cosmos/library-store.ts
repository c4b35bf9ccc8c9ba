import type { Container } from '@azure/cosmos';
import { intentLibrarySchema, type IntentLibrary } from '../../library/schema.js';
import type { LibraryStore } from '../../library/store.js';
import { documentContainer } from './documents.js';
import type { RetryOptions } from './retry.js';

/** Libraries, one item per library, partitioned by library id. */
export function cosmosLibraryStore(container: Container, retry?: RetryOptions): LibraryStore {
  const documents = documentContainer<IntentLibrary>(container, { kind: 'library', schema: intentLibrarySchema, key: (library) => library.id }, retry);
  return {
    get: (id) => documents.get(id),
    put: (library, expectedEtag) => documents.put(library, expectedEtag),
    async list() {
      // A cross-partition query, for the library commands and pages, never on a conversation turn.
      const { resources } = await container.items
        .query<{ id: string; name: string; updatedAt: string }>('SELECT c.doc.id AS id, c.doc.name AS name, c.doc.updatedAt AS updatedAt FROM c')
        .fetchAll();
      return resources.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },
  };
}
