import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ConcurrencyError, type Versioned } from '../../library/store.js';
import { describeIssues } from '../../text/issues.js';
import { CorruptDocumentError, InvalidDocumentError } from '../documents.js';

type Column = string | number;

/** How one kind of document maps onto a table of `id, etag, doc` plus a few columns copied out of the document. */
export interface DocumentTableSpec<T> {
  table: string;
  /** The name used in errors and in ConcurrencyError.kind, e.g. "conversation". */
  kind: string;
  schema: z.ZodType<T>;
  idKey: keyof T & string;
  /** Extra columns, computed from the validated document, so lists and indexes need not parse JSON. */
  columns: Record<string, (doc: T) => Column>;
}

export interface StoredRow {
  id: string;
  etag: string;
  doc: string;
}

export interface DocumentTable<T> {
  get(id: string): Versioned<T> | null;
  put(doc: T, expectedEtag: string | null): string;
  /** Parses and validates a row selected with `id, etag, doc`. */
  read(row: StoredRow): Versioned<T>;
}

export function documentTable<T>(db: Database.Database, spec: DocumentTableSpec<T>): DocumentTable<T> {
  const names = ['id', 'etag', 'doc', ...Object.keys(spec.columns)];
  const assignments = names.filter((name) => name !== 'id').map((name) => `${name} = @${name}`);
  const select = db.prepare<[string], StoredRow>(`SELECT id, etag, doc FROM ${spec.table} WHERE id = ?`);
  const insert = db.prepare<[Record<string, Column>]>(
    `INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')}) ON CONFLICT (id) DO NOTHING`,
  );
  const update = db.prepare<[Record<string, Column>]>(
    `UPDATE ${spec.table} SET ${assignments.join(', ')} WHERE id = @id AND etag = @expectedEtag`,
  );

  function read(row: StoredRow): Versioned<T> {
    let json: unknown;
    try {
      json = JSON.parse(row.doc);
    } catch (error) {
      throw new CorruptDocumentError(spec.table, row.id, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) throw new CorruptDocumentError(spec.table, row.id, describeIssues(parsed.error.issues));
    const storedId = parsed.data[spec.idKey];
    if (storedId !== row.id) {
      throw new CorruptDocumentError(spec.table, row.id, `the document inside has ${spec.idKey} "${String(storedId)}"`);
    }
    return { value: parsed.data, etag: row.etag };
  }

  function validate(doc: T): { id: string; value: T } {
    const parsed = spec.schema.safeParse(doc);
    if (!parsed.success) {
      const id = (doc as Record<string, unknown> | null)?.[spec.idKey];
      throw new InvalidDocumentError(spec.kind, typeof id === 'string' ? id : '(no id)', parsed.error.issues);
    }
    return { id: String(parsed.data[spec.idKey]), value: parsed.data };
  }

  return {
    read,
    get(id) {
      const row = select.get(id);
      return row ? read(row) : null;
    },
    put(doc, expectedEtag) {
      const { id, value } = validate(doc);
      const etag = randomUUID();
      const params: Record<string, Column> = { id, etag, doc: JSON.stringify(value) };
      for (const [name, compute] of Object.entries(spec.columns)) params[name] = compute(value);
      const result = expectedEtag === null ? insert.run(params) : update.run({ ...params, expectedEtag });
      if (result.changes === 0) throw new ConcurrencyError(spec.kind, id);
      return etag;
    },
  };
}
