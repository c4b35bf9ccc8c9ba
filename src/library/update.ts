import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError, type Versioned } from './store.js';

/** The part of a document store (LibraryStore, ConversationStore, ...) that a read-modify-write needs. */
export interface VersionedStore<T> {
  get(id: string): Promise<Versioned<T> | null>;
  put(value: T, expectedEtag: string | null): Promise<string>;
}

export interface UpdateOptions<T> {
  /** Builds the document when nothing is stored under the id yet; without it a missing document is an error. */
  create?: () => T;
  /** Writes tried before giving up; default 8. */
  attempts?: number;
}

/** Every attempt met a newer version written by someone else. */
export class UpdateConflictError extends Error {
  override name = 'UpdateConflictError';
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly attempts: number,
    cause: ConcurrencyError,
  ) {
    super(`${kind} "${id}" kept changing while it was being updated; gave up after ${attempts} attempts`, { cause });
  }
}

export class DocumentNotFoundError extends Error {
  override name = 'DocumentNotFoundError';
  constructor(readonly id: string) {
    super(`nothing is stored under "${id}" to update`);
  }
}

/**
 * Read-modify-write under optimistic concurrency: reads the current document (or creates one), applies
 * `mutate`, and writes with the etag it read. When someone else wrote in between, it re-reads and
 * re-applies, so `mutate` must be pure: it may run several times and must not change its argument.
 * Errors other than a conflict (including any thrown by `mutate`) end the update at once.
 */
export async function updateWithRetry<T>(
  store: VersionedStore<T>,
  id: string,
  mutate: (current: T) => T | Promise<T>,
  options: UpdateOptions<T> = {},
): Promise<Versioned<T>> {
  const attempts = options.attempts ?? 8;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`updateWithRetry: attempts must be a whole number of at least 1, got ${attempts}`);
  }
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.get(id);
    const value = await mutate(current ? current.value : created(id, options.create));
    try {
      const etag = await store.put(value, current ? current.etag : null);
      return { value, etag };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (attempt >= attempts) throw new UpdateConflictError(error.kind, error.id, attempts, error);
    }
    await sleep(backoffMs(attempt));
  }
}

function created<T>(id: string, create: (() => T) | undefined): T {
  if (!create) throw new DocumentNotFoundError(id);
  return create();
}

/** Random jitter, growing with each attempt, so competing writers stop colliding in lock step. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(50, 2 ** attempt);
}
