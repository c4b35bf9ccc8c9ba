import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { LocalListeners, type AssistEvent, type EventBus, type Listener } from '../../assist/events.js';
import { openDatabase } from './database.js';

export interface SqliteEventBusOptions {
  /** How often each process looks for events the others wrote, while it has open streams (when no wake-up came). */
  pollMs: number;
  /** Events older than this are deleted (a process that falls further behind misses them; its pages reconnect). */
  retentionMs: number;
  /** At most this many events are kept, however young. */
  maxEvents?: number;
  /** Rows of one conversation read per round while catching up; the rest follow after other work has had its turn. */
  batch?: number;
  /** Watch for the other processes' commits (default true); without it a process learns of them by polling alone. */
  wakeUps?: boolean;
  now?: () => number;
  onError?: (error: unknown) => void;
}

const MAX_EVENTS = 100_000;
const BATCH = 500;
const PRUNE_EVERY_MS = 1000;
/** What a writer puts in the wake-up file: always the same byte at the same place, so the file never grows. */
const TOUCH = Buffer.from('.');

interface Row {
  id: number;
  body: string;
}

interface Pending {
  conversationId: string;
  body: string;
  done(): void;
  fail(error: unknown): void;
}

/**
 * The embedded default across processes: every event is a row of the `events` table in the shared SQLite file, with
 * an increasing id (SQLite has one writer at a time, so ids commit in order). Each process tails the table with a
 * short poll, and at once after writing, reading only the conversations it has streams for; so a burst to one
 * conversation costs the processes without a page on it nothing. Each conversation is read on its own, at most
 * `batch` rows a round: a conversation with a backlog keeps its own position and catches up over several rounds,
 * while the others' new events are delivered in the first, so a burst to one conversation never holds back another's.
 * Its own events take the same path as the others', so a stream sees one conversation's events in the order they
 * were written, whichever process wrote them. Publishes made in one tick are written in one transaction, and old
 * rows are pruned by age and count.
 *
 * Processes on one machine also wake each other: after each commit the writer writes one byte to a file beside the
 * database (`<file>-events`), which every process watches (`fs.watch`: inotify, FSEvents, ReadDirectoryChangesW), and
 * a process that sees it reads at once instead of at its next poll. The poll stays as the fallback for whatever the
 * watch misses (a file system without change notifications, a watch limit reached).
 */
export class SqliteEventBus implements EventBus {
  private readonly local = new LocalListeners();
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly statements;
  private pending: Pending[] = [];
  private flushScheduled = false;
  /** Every event at or below it has been handed to this process's listeners, but those of the conversations behind. */
  private cursor: number;
  /** Conversations with more events than one round reads, and how far each has been read. */
  private readonly behind = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private lastPrune = 0;
  private closed = false;
  private wake: { fd: number; watcher: fs.FSWatcher } | null = null;
  private wakeScheduled = false;
  private touching = false;
  private touchAgain = false;
  /** Rows this process has read for its streams (what tailing costs it). */
  rowsRead = 0;

  constructor(
    filePath: string,
    private readonly options: SqliteEventBusOptions,
  ) {
    this.db = openDatabase(filePath);
    this.now = options.now ?? Date.now;
    this.statements = {
      insert: this.db.prepare<[string, number, string]>('INSERT INTO events (conversation_id, at, body) VALUES (?, ?, ?)'),
      last: this.db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events'),
      active: this.db.prepare<[number, number], string>('SELECT DISTINCT conversation_id FROM events WHERE id > ? AND id <= ?').pluck(),
      since: this.db.prepare<[string, number, number, number], Row>(
        'SELECT id, body FROM events WHERE conversation_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?',
      ),
      pruneOlder: this.db.prepare<[number]>('DELETE FROM events WHERE at < ?'),
      pruneBefore: this.db.prepare<[number]>('DELETE FROM events WHERE id <= ?'),
    };
    this.cursor = this.lastId();
    this.wake = options.wakeUps === false ? null : this.watchWakeUps(`${filePath}-events`);
    this.schedulePoll(options.pollMs);
  }

  /** Whether other processes' commits wake this one (otherwise it relies on polling alone). */
  get woken(): boolean {
    return this.wake !== null;
  }

  publish(conversationId: string, event: AssistEvent): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the event bus is closed'));
    return new Promise((done, fail) => {
      this.pending.push({ conversationId, body: JSON.stringify(event), done, fail });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  subscribe(conversationId: string, listener: Listener): () => void {
    // Only events published after this moment: the stream has just read the current view.
    const from = this.lastId();
    return this.local.subscribe(conversationId, listener, from);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.flush();
    this.stopWakeUps();
    this.db.close();
  }

  private watchWakeUps(signalPath: string): { fd: number; watcher: fs.FSWatcher } | null {
    let fd: number | null = null;
    try {
      fd = fs.openSync(signalPath, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
      const watcher = fs.watch(signalPath, { persistent: false }, () => this.wakeUp());
      watcher.on('error', () => this.stopWakeUps());
      return { fd, watcher };
    } catch {
      if (fd !== null) fs.closeSync(fd);
      return null;
    }
  }

  private stopWakeUps(): void {
    if (!this.wake) return;
    this.wake.watcher.close();
    // A write on its way still uses the descriptor: it is closed when that write is done.
    if (!this.touching) fs.closeSync(this.wake.fd);
    this.wake = null;
  }

  /** A commit somewhere (this process's included): read once, soon, however many commits woke it meanwhile. */
  private wakeUp(): void {
    if (this.wakeScheduled || this.closed) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      if (!this.closed) this.poll();
    });
  }

  /**
   * Tells the other processes there is something to read. Written off the event loop (a file write can wait on the
   * file system's journal), one at a time: commits made while one is on its way share the next.
   */
  private touch(): void {
    if (!this.wake) return;
    if (this.touching) {
      this.touchAgain = true;
      return;
    }
    this.touching = true;
    const { fd } = this.wake;
    fs.write(fd, TOUCH, 0, TOUCH.length, 0, (error) => {
      this.touching = false;
      if (this.wake?.fd !== fd) fs.close(fd, () => {});
      else if (error) this.stopWakeUps();
      else if (this.touchAgain) {
        this.touchAgain = false;
        this.touch();
      }
    });
  }

  private lastId(): number {
    return this.statements.last.get()?.id ?? 0;
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const at = this.now();
    try {
      this.db.transaction(() => {
        for (const item of batch) this.statements.insert.run(item.conversationId, at, item.body);
      }).immediate();
    } catch (error) {
      for (const item of batch) item.fail(error);
      return;
    }
    this.touch();
    if (!this.closed) this.poll();
    for (const item of batch) item.done();
    if (at - this.lastPrune >= PRUNE_EVERY_MS) this.prune(at);
  }

  private prune(at: number): void {
    this.lastPrune = at;
    try {
      this.statements.pruneOlder.run(at - this.options.retentionMs);
      this.statements.pruneBefore.run(this.lastId() - (this.options.maxEvents ?? MAX_EVENTS));
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private schedulePoll(delayMs: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), delayMs);
    this.timer.unref();
  }

  /**
   * Reads, for each conversation with streams here and new events, at most one batch of them; goes on at once while
   * a conversation is behind. A position is recorded as soon as its events are delivered, so a failed read delivers
   * nothing twice.
   */
  private poll(): void {
    let failed = false;
    try {
      const last = this.lastId();
      const here = new Set(this.local.conversations());
      for (const conversationId of this.behind.keys()) if (!here.has(conversationId)) this.behind.delete(conversationId);
      if (here.size > 0 && (last > this.cursor || this.behind.size > 0)) {
        const due = new Set(this.behind.keys());
        if (last > this.cursor) for (const conversationId of this.statements.active.all(this.cursor, last)) if (here.has(conversationId)) due.add(conversationId);
        const batch = this.options.batch ?? BATCH;
        for (const conversationId of due) {
          const rows = this.statements.since.all(conversationId, this.behind.get(conversationId) ?? this.cursor, last, batch);
          this.rowsRead += rows.length;
          for (const row of rows) this.local.deliver(conversationId, JSON.parse(row.body) as AssistEvent, row.id);
          this.behind.set(conversationId, rows.length === batch ? (rows.at(-1) as Row).id : last);
        }
      }
      this.cursor = Math.max(this.cursor, last);
      for (const [conversationId, position] of this.behind) if (position >= this.cursor) this.behind.delete(conversationId);
    } catch (error) {
      failed = true;
      this.options.onError?.(error);
    }
    // After a failure, wait the poll interval even when a conversation is behind: a lasting fault is not retried in a loop.
    this.schedulePoll(this.behind.size > 0 && !failed ? 0 : this.options.pollMs);
  }
}
