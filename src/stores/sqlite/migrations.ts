import type Database from 'better-sqlite3';

/** One schema step. Version n is reached by applying the n-th migration; never edit or reorder a released one. */
export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [
  {
    name: 'documents tables',
    up(db) {
      db.exec(`
        CREATE TABLE libraries (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          etag TEXT NOT NULL,
          doc TEXT NOT NULL
        ) STRICT;
        CREATE TABLE conversations (
          id TEXT PRIMARY KEY,
          updated_at INTEGER NOT NULL,
          etag TEXT NOT NULL,
          doc TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    name: 'index conversations by last update',
    up(db) {
      db.exec('CREATE INDEX conversations_updated_at ON conversations (updated_at DESC)');
    },
  },
  {
    name: 'events table for live events across processes',
    up(db) {
      db.exec(`
        CREATE TABLE events (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          conversation_id TEXT NOT NULL,
          at INTEGER NOT NULL,
          body TEXT NOT NULL
        ) STRICT;
        CREATE INDEX events_at ON events (at);
      `);
    },
  },
  {
    name: "index events by conversation (a stream's backlog is read on its own)",
    up(db) {
      db.exec('CREATE INDEX events_conversation ON events (conversation_id, id)');
    },
  },
  {
    name: 'insights: outcomes per conversation, buckets per day, channel, intent and group, the last roll-up',
    up(db) {
      db.exec(`
        CREATE TABLE insight_outcomes (
          conversation_id TEXT PRIMARY KEY,
          bucket TEXT NOT NULL,
          doc TEXT NOT NULL
        ) STRICT;
        CREATE INDEX insight_outcomes_bucket ON insight_outcomes (bucket);
        CREATE TABLE insight_buckets (
          bucket TEXT PRIMARY KEY,
          day TEXT NOT NULL,
          doc TEXT NOT NULL
        ) STRICT;
        CREATE INDEX insight_buckets_day ON insight_buckets (day);
        CREATE TABLE insight_rollups (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          started_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    name: 'misses table: customer turns self-service did not understand, oldest dropped first',
    up(db) {
      db.exec(`
        CREATE TABLE misses (
          id TEXT PRIMARY KEY,
          at INTEGER NOT NULL,
          doc TEXT NOT NULL
        ) STRICT;
        CREATE INDEX misses_at ON misses (at, id);
      `);
    },
  },
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the file up to `list.length`, one immediate transaction per migration. The version is re-read
 * inside each transaction, so two processes opening the same new file do not apply a step twice.
 */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): void {
  const found = schemaVersion(db);
  if (found > list.length) {
    throw new Error(
      `the file is at schema version ${found}, but this version of intent-skill supports up to version ${list.length}; ` +
        'upgrade intent-skill or point SQLITE_PATH at another file',
    );
  }
  list.forEach((migration, index) => {
    const version = index + 1;
    const apply = db.transaction(() => {
      if (schemaVersion(db) >= version) return;
      migration.up(db);
      db.pragma(`user_version = ${version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new Error(`migration ${version} ("${migration.name}") failed and was rolled back: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
}
