import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStores } from '../../src/stores/sqlite/index.js';
import { migrate, migrations, schemaVersion } from '../../src/stores/sqlite/migrations.js';
import { describeConversationStoreContract, describeLibraryStoreContract, describeMissStoreContract } from './contract.js';
import { describeInsightStoreContract } from './insight-contract.js';
import { sampleConversation, sampleLibrary } from './fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describeLibraryStoreContract('SQLite', async () => {
  const stores = openSqliteStores(':memory:');
  return { store: stores.libraries, close: () => stores.close() };
});

describeConversationStoreContract('SQLite', async () => {
  const stores = openSqliteStores(':memory:');
  return { store: stores.conversations, close: () => stores.close() };
});

describeMissStoreContract('SQLite', async () => {
  const stores = openSqliteStores(':memory:', { max: 5, retentionDays: 10 });
  return { store: stores.misses, close: () => stores.close() };
});

describeInsightStoreContract('SQLite', async () => {
  const stores = openSqliteStores(':memory:');
  return { store: stores.insights, close: () => stores.close() };
});

describe('SQLite store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intent-skill-sqlite-'));
    file = path.join(dir, 'nested', 'folder', 'store.db');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A second, raw connection to the same file, as another tool or a person would have. */
  function raw<T>(use: (db: Database.Database) => T): T {
    const db = new Database(file);
    try {
      return use(db);
    } finally {
      db.close();
    }
  }

  describe('files', () => {
    it('creates the folder of a new database file and keeps documents across reopening', async () => {
      const first = openSqliteStores(file);
      const etag = await first.conversations.put(sampleConversation('conv-1'), null);
      await first.libraries.put(sampleLibrary('retail'), null);
      first.close();

      const second = openSqliteStores(file);
      assert.deepEqual(await second.conversations.get('conv-1'), { value: sampleConversation('conv-1'), etag });
      assert.equal((await second.libraries.get('retail'))?.value.name, 'Library retail');
      second.close();
    });

    it('uses write-ahead logging so readers and a writer in other processes do not block each other', () => {
      openSqliteStores(file).close();
      assert.equal(raw((db) => db.pragma('journal_mode', { simple: true })), 'wal');
    });

    it('names the file when it is not a SQLite database', () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'this is a text file, not a database '.repeat(100));
      assert.throws(() => openSqliteStores(file), (error: Error) => error.message.includes(file) && /not a database/.test(error.message));
    });
  });

  describe('schema migrations', () => {
    it('brings a new file to the latest schema version', () => {
      openSqliteStores(file).close();
      assert.equal(raw((db) => schemaVersion(db)), migrations.length);
    });

    it('migrates a file written by an older version, keeping its documents', async () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      raw((db) => {
        migrate(db, migrations.slice(0, 1));
        db.prepare('INSERT INTO conversations (id, updated_at, etag, doc) VALUES (?, ?, ?, ?)').run(
          'conv-old',
          Date.parse('2024-05-01T10:00:00.000Z'),
          'etag-old',
          JSON.stringify(sampleConversation('conv-old')),
        );
      });
      assert.equal(raw((db) => schemaVersion(db)), 1);

      const stores = openSqliteStores(file);
      assert.deepEqual(await stores.conversations.get('conv-old'), { value: sampleConversation('conv-old'), etag: 'etag-old' });
      assert.deepEqual(
        (await stores.conversations.listActive(new Date('2024-05-01T00:00:00.000Z'), 5)).map((state) => state.conversationId),
        ['conv-old'],
      );
      stores.close();
      raw((db) => {
        assert.equal(schemaVersion(db), migrations.length);
        const index = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'conversations' AND name = ?").get('conversations_updated_at');
        assert.ok(index, 'the migration to version 2 adds the updated_at index');
      });
    });

    it('refuses a file written by a newer version, naming both versions, and leaves it alone', () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      raw((db) => db.pragma(`user_version = ${migrations.length + 5}`));
      assert.throws(
        () => openSqliteStores(file),
        (error: Error) => error.message.includes(`version ${migrations.length + 5}`) && error.message.includes(`up to version ${migrations.length}`),
      );
      assert.equal(raw((db) => schemaVersion(db)), migrations.length + 5);
    });

    it('rolls back a failing migration, keeping the earlier ones and the version they reached', () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const failing = [
        ...migrations,
        {
          name: 'half-done step',
          up(db: Database.Database) {
            db.exec('CREATE TABLE scratch (id TEXT)');
            throw new Error('disk on fire');
          },
        },
      ];
      raw((db) => {
        assert.throws(() => migrate(db, failing), new RegExp(`migration ${failing.length} \\("half-done step"\\) failed and was rolled back: disk on fire`));
        assert.equal(schemaVersion(db), migrations.length);
        assert.equal(db.prepare("SELECT name FROM sqlite_master WHERE name = 'scratch'").get(), undefined);
      });
    });
  });

  describe('corrupt rows', () => {
    async function storeThenCorrupt(doc: string): Promise<ReturnType<typeof openSqliteStores>> {
      const stores = openSqliteStores(file);
      await stores.conversations.put(sampleConversation('conv-1'), null);
      raw((db) => db.prepare('UPDATE conversations SET doc = ? WHERE id = ?').run(doc, 'conv-1'));
      return stores;
    }

    function rowCount(): number {
      return raw((db) => (db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n);
    }

    it('names the table and id of a row that is not JSON, and keeps the row', async () => {
      const stores = await storeThenCorrupt('{"conversationId": "conv-1", ');
      await assert.rejects(stores.conversations.get('conv-1'), /table "conversations", id "conv-1".*not valid JSON/);
      stores.close();
      assert.equal(rowCount(), 1);
    });

    it('names the path of a field that no longer matches the schema', async () => {
      const stores = await storeThenCorrupt(JSON.stringify({ ...sampleConversation('conv-1'), phase: 'teleported' }));
      await assert.rejects(stores.conversations.get('conv-1'), /table "conversations", id "conv-1".*phase:/);
      stores.close();
      assert.equal(rowCount(), 1);
    });

    it('reports a row whose document carries another id', async () => {
      const stores = await storeThenCorrupt(JSON.stringify(sampleConversation('conv-2')));
      await assert.rejects(stores.conversations.get('conv-1'), /id "conv-1".*conversationId "conv-2"/);
      stores.close();
    });

    it('reports a corrupt row in the active list instead of silently leaving it out', async () => {
      const stores = await storeThenCorrupt('not json');
      await assert.rejects(stores.conversations.listActive(new Date(0), 10), /table "conversations", id "conv-1"/);
      stores.close();
      assert.equal(rowCount(), 1);
    });

    it('names the libraries table for a corrupt library', async () => {
      const stores = openSqliteStores(file);
      await stores.libraries.put(sampleLibrary('retail'), null);
      raw((db) => db.prepare('UPDATE libraries SET doc = ? WHERE id = ?').run(JSON.stringify({ ...sampleLibrary('retail'), intents: 'many' }), 'retail'));
      await assert.rejects(stores.libraries.get('retail'), /table "libraries", id "retail".*intents:/);
      stores.close();
    });
  });

  describe('two processes', () => {
    interface Worker {
      child: ChildProcess;
      lines: AsyncIterator<string>;
      exited: Promise<unknown[]>;
    }

    function startWorker(conversationId: string, count: number): Worker {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'increment-worker.ts'), file, conversationId, String(count)], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      return { child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator](), exited: once(child, 'exit') };
    }

    async function nextLine(worker: Worker): Promise<string | undefined> {
      const next = await worker.lines.next();
      return next.done ? undefined : next.value;
    }

    it('loses no increment when both read-modify-write the same conversation', async () => {
      const perWorker = 150;
      const workers = [startWorker('shared', perWorker), startWorker('shared', perWorker)];
      try {
        for (const worker of workers) assert.equal(await nextLine(worker), 'ready');
        for (const worker of workers) worker.child.stdin!.write('go\n');
        for (const worker of workers) assert.equal(await nextLine(worker), 'done');
        for (const worker of workers) {
          const [code] = await worker.exited;
          assert.equal(code, 0);
        }
      } finally {
        for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill();
      }
      const stores = openSqliteStores(file);
      assert.equal((await stores.conversations.get('shared'))?.value.turnCount, 2 * perWorker);
      stores.close();
    });
  });
});
