import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AssistEvent } from '../../src/assist/events.js';
import type { AssistView } from '../../src/assist/view.js';
import { SqliteEventBus, type SqliteEventBusOptions } from '../../src/stores/sqlite/index.js';

/** An event whose message id says which it is (the view is not what the bus looks at). */
function event(conversationId: string, messageId: string): AssistEvent {
  return { cause: { kind: 'message', messageId }, view: { conversationId } as unknown as AssistView };
}

function idsOf(events: AssistEvent[]): string[] {
  return events.map((received) => (received.cause as { messageId: string }).messageId);
}

/** Resolves once `ready()` holds, looking every few milliseconds (the bus polls on its own timer). */
async function until(ready: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > limitMs) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the SQLite event bus (every process on one file sees every event)', () => {
  let dir: string;
  let file: string;
  const buses: SqliteEventBus[] = [];
  const open = (options: Partial<SqliteEventBusOptions> = {}) => {
    const bus = new SqliteEventBus(file, { pollMs: 5, retentionMs: 60_000, ...options });
    buses.push(bus);
    return bus;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intent-skill-events-'));
    file = path.join(dir, 'shared.db');
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("delivers one connection's events to another's listeners, in order, and only the conversation's own", async () => {
    const a = open();
    const b = open();
    const onX: AssistEvent[] = [];
    const onY: AssistEvent[] = [];
    b.subscribe('X', (received) => onX.push(received));
    b.subscribe('Y', (received) => onY.push(received));
    for (let i = 0; i < 20; i += 1) await a.publish('X', event('X', `x${i}`));
    await a.publish('Y', event('Y', 'y0'));
    await until(() => onX.length === 20 && onY.length === 1, 'the events on the other connection');
    assert.deepEqual(idsOf(onX), Array.from({ length: 20 }, (_, i) => `x${i}`));
    assert.deepEqual(idsOf(onY), ['y0']);
  });

  it('gives the publishing process its own events once, at once', async () => {
    const a = open();
    const b = open();
    const here: AssistEvent[] = [];
    const there: AssistEvent[] = [];
    a.subscribe('X', (received) => here.push(received));
    b.subscribe('X', (received) => there.push(received));
    await a.publish('X', event('X', 'm1'));
    assert.deepEqual(idsOf(here), ['m1']);
    await until(() => there.length === 1, 'the event on the other connection');
    await a.publish('X', event('X', 'm2'));
    await until(() => there.length === 2, 'the second event');
    assert.deepEqual(idsOf(here), ['m1', 'm2']);
    assert.deepEqual(idsOf(there), ['m1', 'm2']);
  });

  it('wakes the other processes on the machine after a commit, so an event does not wait for their next poll', async () => {
    const a = open({ pollMs: 3_600_000 });
    const b = open({ pollMs: 3_600_000 });
    assert.ok(a.woken && b.woken, 'both watch the wake-up file beside the database');
    const there: AssistEvent[] = [];
    b.subscribe('X', (received) => there.push(received));
    await a.publish('X', event('X', 'm1'));
    await until(() => there.length === 1, 'the event woken up for (the poll is an hour away)');
    await a.publish('X', event('X', 'm2'));
    await until(() => there.length === 2, 'the second event');
    assert.deepEqual(idsOf(there), ['m1', 'm2']);
    assert.equal(fs.statSync(`${file}-events`).size, 1, 'the wake-up file never grows');
  });

  it('gives a listener only what was published after it subscribed, even on a connection that has not caught up', async () => {
    const a = open();
    const b = open({ pollMs: 1000, wakeUps: false });
    await a.publish('X', event('X', 'before'));
    const got: AssistEvent[] = [];
    b.subscribe('X', (received) => got.push(received));
    await a.publish('X', event('X', 'after'));
    await until(() => got.length > 0, 'the event published after subscribing');
    assert.deepEqual(idsOf(got), ['after']);
  });

  it('a burst of 10,000 events to one conversation costs a process without a page on it nothing, and arrives whole and in order where there is one', async () => {
    const writer = open();
    const onlyY = open();
    const both = open();
    const yOnly: AssistEvent[] = [];
    onlyY.subscribe('Y', (received) => yOnly.push(received));
    const xs: AssistEvent[] = [];
    const ys: AssistEvent[] = [];
    both.subscribe('X', (received) => xs.push(received));
    both.subscribe('Y', (received) => ys.push(received));
    const burst = Array.from({ length: 10_000 }, (_, i) => writer.publish('X', event('X', `x${i}`)));
    await writer.publish('Y', event('Y', 'y'));
    await Promise.all(burst);
    await until(() => yOnly.length === 1, "Y's event behind the burst");
    assert.equal(onlyY.rowsRead, 1, 'the process with a page on Y alone read Y alone');
    await until(() => xs.length === 10_000 && ys.length === 1, 'the whole burst');
    assert.deepEqual(idsOf(xs), Array.from({ length: 10_000 }, (_, i) => `x${i}`));
  });

  it("does not hold another conversation's event behind a burst of 10,000 to one conversation written before it", async () => {
    const writer = open();
    const reader = open({ batch: 500 });
    const xs: AssistEvent[] = [];
    let xsWhenY: number | null = null;
    reader.subscribe('X', (received) => xs.push(received));
    reader.subscribe('Y', () => (xsWhenY = xs.length));
    // All 10,001 publishes are made in one tick, so they are written in one transaction, Y's last.
    const burst = Array.from({ length: 10_000 }, (_, i) => writer.publish('X', event('X', `x${i}`)));
    await Promise.all([...burst, writer.publish('Y', event('Y', 'y'))]);
    await until(() => xs.length === 10_000, 'the whole burst');
    assert.notEqual(xsWhenY, null, "Y's event was delivered");
    assert.ok((xsWhenY as unknown as number) <= 500, `Y's event came after ${xsWhenY} of the burst's events; at most one read's worth (500) may go first`);
    assert.deepEqual(idsOf(xs), Array.from({ length: 10_000 }, (_, i) => `x${i}`), 'the burst itself arrives whole and in order');
  });

  it('keeps events for the retention period and at most the configured count', async () => {
    let now = 1_000_000;
    const bus = open({ retentionMs: 60_000, maxEvents: 50, now: () => now });
    const count = () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    for (let i = 0; i < 10; i += 1) await bus.publish('X', event('X', `old${i}`));
    assert.equal(count(), 10);
    now += 61_000;
    await bus.publish('X', event('X', 'new'));
    assert.equal(count(), 1, 'the ten older than a minute are gone');
    now += 2_000;
    await Promise.all(Array.from({ length: 120 }, (_, i) => bus.publish('X', event('X', `many${i}`))));
    now += 2_000;
    await bus.publish('X', event('X', 'one more'));
    assert.equal(count(), 50);
  });

  it('refuses to publish once closed', async () => {
    const bus = open();
    await bus.close();
    await assert.rejects(bus.publish('X', event('X', 'late')), /the event bus is closed/);
  });
});
