import type Database from 'better-sqlite3';
import { missSchema, retentionCutoff, type Miss, type MissLimits, type MissStore } from '../../engine/misses.js';
import { describeIssues } from '../../text/issues.js';
import { CorruptDocumentError } from '../documents.js';

/** Misses read at once by `since`. */
const PAGE = 500;

/** Misses in one table, indexed by when they were said, so the oldest are dropped first and a range is read in order. */
export function sqliteMissStore(db: Database.Database, limits: MissLimits): MissStore {
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM misses WHERE id = ?');
  const upsert = db.prepare<[string, number, string]>('INSERT INTO misses (id, at, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at, doc = excluded.doc');
  const expire = db.prepare<[number]>('DELETE FROM misses WHERE at < ?');
  const counted = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM misses');
  const dropOldest = db.prepare<[number]>('DELETE FROM misses WHERE id IN (SELECT id FROM misses ORDER BY at, id LIMIT ?)');
  const page = db.prepare<[number, number, number, string, number], { id: string; at: number; doc: string }>(
    'SELECT id, at, doc FROM misses WHERE at >= ? AND (at > ? OR (at = ? AND id > ?)) ORDER BY at, id LIMIT ?',
  );
  const add = db.transaction((misses: readonly Miss[], now: Date) => {
    let added = 0;
    for (const miss of misses) {
      const parsed = missSchema.parse(miss);
      if (!exists.get(parsed.id)) added += 1;
      upsert.run(parsed.id, Date.parse(parsed.at), JSON.stringify(parsed));
    }
    const droppedForRetention = expire.run(retentionCutoff(now, limits).getTime()).changes;
    const over = counted.get()!.n - limits.max;
    const droppedForBound = over > 0 ? dropOldest.run(over).changes : 0;
    return { added, droppedForBound, droppedForRetention };
  });
  function read(row: { id: string; doc: string }): Miss {
    let json: unknown;
    try {
      json = JSON.parse(row.doc);
    } catch (error) {
      throw new CorruptDocumentError('misses', row.id, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = missSchema.safeParse(json);
    if (!parsed.success) throw new CorruptDocumentError('misses', row.id, describeIssues(parsed.error.issues));
    return parsed.data;
  }
  return {
    add: async (misses, now) => add.immediate(misses, now),
    async *since(since) {
      if (!(since instanceof Date) || Number.isNaN(since.getTime())) throw new RangeError(`since: "since" must be a valid Date, got ${String(since)}`);
      let after = { at: -Infinity, id: '' };
      for (;;) {
        const rows = page.all(since.getTime(), after.at, after.at, after.id, PAGE);
        for (const row of rows) yield read(row);
        const last = rows.at(-1);
        if (!last || rows.length < PAGE) return;
        after = { at: last.at, id: last.id };
      }
    },
    count: async () => counted.get()!.n,
  };
}
