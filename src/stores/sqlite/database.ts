import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

/** The database file cannot be opened or created (a folder that is not writable, a file that is not a database). */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** How long a writer waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) and migrates the database at `filePath`, ready to share with other processes. */
export function openDatabase(filePath: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    db = new Database(filePath);
    // The busy timeout comes first: switching to WAL itself needs a lock another process may hold.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw new StoreOpenError(`cannot open the SQLite database "${filePath}": ${(error as Error).message}`, { cause: error });
  }
}
