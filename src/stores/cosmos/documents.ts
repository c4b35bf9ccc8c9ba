import { isDeepStrictEqual } from 'node:util';
import type { Container, ItemDefinition } from '@azure/cosmos';
import type { z } from 'zod';
import { describeIssues } from '../../text/issues.js';
import { CorruptDocumentError, InvalidDocumentError } from '../documents.js';
import { ConcurrencyError, type Versioned } from '../../library/store.js';
import { itemId } from './ids.js';
import { classifyCosmosError, defaultRetryOptions, withRetry, type RetryOptions } from './retry.js';

/** How one kind of document is kept in a container partitioned by `/id`: the item wraps the document. */
export interface DocumentSpec<T> {
  /** The name used in errors and in ConcurrencyError.kind, e.g. "conversation". */
  kind: string;
  schema: z.ZodType<T>;
  key(doc: T): string;
  /** Properties copied next to the document for queries and time-to-live. */
  extra?(doc: T): Record<string, unknown>;
}

/** The shape of an item: `key` is the store's own id, `doc` the document. */
export interface StoredItem extends ItemDefinition {
  id: string;
  key: string;
  doc: unknown;
}

export interface DocumentContainer<T> {
  /** One point read. */
  get(key: string): Promise<Versioned<T> | null>;
  /** One write (create or etag-conditional replace). */
  put(doc: T, expectedEtag: string | null): Promise<string>;
  /** Validates an item a query returned. */
  read(item: StoredItem & { _etag?: string }): Versioned<T>;
}

const NOT_FOUND = 404;
const CONFLICT = 409;
const PRECONDITION_FAILED = 412;

function statusOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

export function documentContainer<T>(container: Container, spec: DocumentSpec<T>, retry: RetryOptions = defaultRetryOptions): DocumentContainer<T> {
  function read(item: StoredItem & { _etag?: string }): Versioned<T> {
    const parsed = spec.schema.safeParse(item.doc);
    if (!parsed.success) throw new CorruptDocumentError(container.id, item.key ?? item.id, describeIssues(parsed.error.issues));
    const key = spec.key(parsed.data);
    if (key !== item.key) throw new CorruptDocumentError(container.id, item.key, `the document inside belongs to "${key}"`);
    return { value: parsed.data, etag: item._etag ?? '' };
  }

  async function pointRead(key: string): Promise<(StoredItem & { _etag: string }) | null> {
    const id = itemId(key);
    const response = await withRetry(() => container.item(id, id).read<StoredItem>(), classifyCosmosError, retry);
    if (response.statusCode === NOT_FOUND || !response.resource) return null;
    return { ...response.resource, _etag: response.etag };
  }

  /** After a write that may have landed unseen, a conflict can be our own write: it is ours if the stored document is what we wrote. */
  async function ownWrite(key: string, written: unknown): Promise<string | null> {
    const stored = await pointRead(key);
    return stored && isDeepStrictEqual(stored.doc, written) ? stored._etag : null;
  }

  return {
    read,
    async get(key) {
      const item = await pointRead(key);
      return item ? read(item) : null;
    },
    async put(doc, expectedEtag) {
      const parsed = spec.schema.safeParse(doc);
      if (!parsed.success) {
        const key = safeKey(spec, doc);
        throw new InvalidDocumentError(spec.kind, key, parsed.error.issues);
      }
      const key = spec.key(parsed.data);
      const id = itemId(key);
      const written: unknown = JSON.parse(JSON.stringify(parsed.data));
      const item: StoredItem = { ...spec.extra?.(parsed.data), id, key, doc: written };
      return withRetry(
        async ({ ambiguous }) => {
          try {
            const response =
              expectedEtag === null
                ? await container.items.create(item)
                : await container.item(id, id).replace(item, { accessCondition: { type: 'IfMatch', condition: expectedEtag } });
            return response.etag;
          } catch (error) {
            // A create meets 409 when the item exists; a replace meets 412 (changed) or 404 (gone). Anything else is no conflict.
            const conflicts = expectedEtag === null ? [CONFLICT] : [PRECONDITION_FAILED, NOT_FOUND];
            if (!conflicts.includes(Number(statusOf(error)))) throw error;
            const etag = ambiguous ? await ownWrite(key, written) : null;
            if (etag) return etag;
            throw new ConcurrencyError(spec.kind, key);
          }
        },
        classifyCosmosError,
        retry,
      );
    },
  };
}

function safeKey<T>(spec: DocumentSpec<T>, doc: T): string {
  try {
    const key: unknown = spec.key(doc);
    return typeof key === 'string' ? key : '(no id)';
  } catch {
    return '(no id)';
  }
}
