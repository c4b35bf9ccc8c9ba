import type { IntentLibrary } from './schema.js';

/** A stored document with the version token the store gave it. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Raised when a write carries a stale etag (or creates something that exists): re-read and try again. */
export class ConcurrencyError extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} "${id}" was changed by someone else; re-read it and try again`);
    this.name = 'ConcurrencyError';
  }
}

/**
 * The store of intent libraries (SQLite or Cosmos DB adapters in src/stores/). Optimistic concurrency: `expectedEtag` null means "must not exist yet"; a string means
 * "must still be at this version". A mismatch throws ConcurrencyError and writes nothing.
 */
export interface LibraryStore {
  get(id: string): Promise<Versioned<IntentLibrary> | null>;
  put(library: IntentLibrary, expectedEtag: string | null): Promise<string>;
  list(): Promise<Array<{ id: string; name: string; updatedAt: string }>>;
}
