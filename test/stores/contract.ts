import assert from 'node:assert/strict';
import type { ConversationState } from '../../src/engine/state.js';
import type { ConversationStore } from '../../src/engine/store.js';
import type { Miss, MissStore } from '../../src/engine/misses.js';
import { ConcurrencyError, type LibraryStore } from '../../src/library/store.js';
import { sampleConversation, sampleLibrary } from './fixtures.js';

/** A fresh, empty store for one test, and how to dispose of it afterwards. */
export type StoreFactory<S> = () => Promise<{ store: S; close(): Promise<void> | void }>;

function useStore<S>(factory: StoreFactory<S>): () => S {
  let current: { store: S; close(): Promise<void> | void } | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the store is only available inside a test');
    return current.store;
  };
}

/** The behaviour every LibraryStore backend must show. */
export function describeLibraryStoreContract(name: string, factory: StoreFactory<LibraryStore>): void {
  describe(`LibraryStore contract: ${name}`, () => {
    const store = useStore(factory);

    it('returns null for a library that was never stored', async () => {
      assert.equal(await store().get('nothing-here'), null);
    });

    it('gives back exactly what was stored, with the etag the write returned', async () => {
      const library = sampleLibrary('retail');
      const etag = await store().put(library, null);
      assert.deepEqual(await store().get('retail'), { value: library, etag });
    });

    it('refuses to create a library whose id is taken, keeping the first one', async () => {
      const etag = await store().put(sampleLibrary('retail', 'First'), null);
      await assert.rejects(store().put(sampleLibrary('retail', 'Second'), null), ConcurrencyError);
      assert.deepEqual(await store().get('retail'), { value: sampleLibrary('retail', 'First'), etag });
    });

    it('replaces a library when the write carries its current etag, with a new etag', async () => {
      const first = await store().put(sampleLibrary('retail', 'First'), null);
      const second = await store().put(sampleLibrary('retail', 'Second'), first);
      assert.notEqual(second, first);
      assert.deepEqual(await store().get('retail'), { value: sampleLibrary('retail', 'Second'), etag: second });
    });

    it('refuses a write with a stale etag and keeps the newer version', async () => {
      const stale = await store().put(sampleLibrary('retail', 'First'), null);
      const fresh = await store().put(sampleLibrary('retail', 'Second'), stale);
      await assert.rejects(store().put(sampleLibrary('retail', 'Third'), stale), ConcurrencyError);
      assert.deepEqual(await store().get('retail'), { value: sampleLibrary('retail', 'Second'), etag: fresh });
    });

    it('refuses an update of a library that does not exist, creating nothing', async () => {
      await assert.rejects(store().put(sampleLibrary('ghost'), 'some-etag'), ConcurrencyError);
      assert.equal(await store().get('ghost'), null);
    });

    it('lets only one of two writers holding the same etag win', async () => {
      const etag = await store().put(sampleLibrary('retail', 'First'), null);
      const results = await Promise.allSettled([
        store().put(sampleLibrary('retail', 'Alice'), etag),
        store().put(sampleLibrary('retail', 'Bob'), etag),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      assert.equal(won.length, 1);
      assert.ok(lost[0]?.status === 'rejected' && lost[0].reason instanceof ConcurrencyError);
      const stored = await store().get('retail');
      assert.equal(stored?.etag, won[0]?.status === 'fulfilled' ? won[0].value : undefined);
    });

    it('lists every library with its name and last update', async () => {
      await store().put({ ...sampleLibrary('b-lib', 'Banking'), updatedAt: '2024-06-01T08:00:00.000Z' }, null);
      const etag = await store().put(sampleLibrary('a-lib', 'Airline'), null);
      await store().put({ ...sampleLibrary('a-lib', 'Airline support'), updatedAt: '2024-06-02T08:00:00.000Z' }, etag);
      const listed = await store().list();
      assert.deepEqual(
        [...listed].sort((a, b) => a.id.localeCompare(b.id)),
        [
          { id: 'a-lib', name: 'Airline support', updatedAt: '2024-06-02T08:00:00.000Z' },
          { id: 'b-lib', name: 'Banking', updatedAt: '2024-06-01T08:00:00.000Z' },
        ],
      );
    });

    it('refuses an invalid library, naming the path that is wrong, and stores nothing', async () => {
      const library = sampleLibrary('retail');
      const broken = { ...library, intents: library.intents.map((intent) => ({ ...intent, groupId: 'no-such-group' })) };
      await assert.rejects(store().put(broken, null), /intents\[0\]\.groupId/);
      assert.equal(await store().get('retail'), null);
      assert.deepEqual(await store().list(), []);
    });

    it('refuses an invalid replacement and keeps the stored version', async () => {
      const etag = await store().put(sampleLibrary('retail'), null);
      await assert.rejects(store().put({ ...sampleLibrary('retail'), name: '' }, etag), /name: must not be empty/);
      assert.deepEqual(await store().get('retail'), { value: sampleLibrary('retail'), etag });
    });
  });
}

/** The behaviour every ConversationStore backend must show. */
export function describeConversationStoreContract(name: string, factory: StoreFactory<ConversationStore>): void {
  describe(`ConversationStore contract: ${name}`, () => {
    const store = useStore(factory);

    async function ids(since: string, limit: number): Promise<string[]> {
      return (await store().listActive(new Date(since), limit)).map((state) => state.conversationId);
    }

    it('returns null for a conversation that was never stored', async () => {
      assert.equal(await store().get('nothing-here'), null);
    });

    it('gives back exactly what was stored, with the etag the write returned', async () => {
      const state = sampleConversation('conv-1');
      const etag = await store().put(state, null);
      assert.deepEqual(await store().get('conv-1'), { value: state, etag });
    });

    it('keeps conversation ids with characters from other channels apart', async () => {
      const skill = sampleConversation('a:b|c/d?e=f');
      const teams = { ...sampleConversation('a:b|c/d?e=F'), channel: 'msteams' };
      await store().put(skill, null);
      await store().put(teams, null);
      assert.equal((await store().get('a:b|c/d?e=f'))?.value.channel, 'webchat');
      assert.equal((await store().get('a:b|c/d?e=F'))?.value.channel, 'msteams');
    });

    it('refuses to create a conversation that exists, keeping the first one', async () => {
      const etag = await store().put(sampleConversation('conv-1'), null);
      await assert.rejects(store().put({ ...sampleConversation('conv-1'), turnCount: 99 }, null), ConcurrencyError);
      assert.deepEqual(await store().get('conv-1'), { value: sampleConversation('conv-1'), etag });
    });

    it('refuses a write with a stale etag and keeps the newer version', async () => {
      const stale = await store().put(sampleConversation('conv-1'), null);
      const newer: ConversationState = { ...sampleConversation('conv-1'), phase: 'assisted' };
      const fresh = await store().put(newer, stale);
      await assert.rejects(store().put({ ...sampleConversation('conv-1'), escalated: true }, stale), (error: unknown) => {
        assert.ok(error instanceof ConcurrencyError);
        assert.equal(error.kind, 'conversation');
        assert.equal(error.id, 'conv-1');
        return true;
      });
      assert.deepEqual(await store().get('conv-1'), { value: newer, etag: fresh });
    });

    it('refuses an update of a conversation that does not exist, creating nothing', async () => {
      await assert.rejects(store().put(sampleConversation('ghost'), 'some-etag'), ConcurrencyError);
      assert.equal(await store().get('ghost'), null);
    });

    it('lists conversations updated since a time, newest first, up to the limit', async () => {
      await store().put(sampleConversation('old', '2024-05-01T08:00:00.000Z'), null);
      await store().put(sampleConversation('middle', '2024-05-01T10:00:00.000Z'), null);
      await store().put(sampleConversation('newest', '2024-05-01T11:00:00.000Z'), null);
      await store().put(sampleConversation('recent', '2024-05-01T10:30:00.000Z'), null);
      assert.deepEqual(await ids('2024-05-01T09:00:00.000Z', 10), ['newest', 'recent', 'middle']);
      assert.deepEqual(await ids('2024-05-01T09:00:00.000Z', 2), ['newest', 'recent']);
      assert.deepEqual(await ids('2024-05-01T10:00:00.000Z', 10), ['newest', 'recent', 'middle']);
      assert.deepEqual(await ids('2024-05-02T00:00:00.000Z', 10), []);
      assert.deepEqual(await ids('2024-05-01T00:00:00.000Z', 0), []);
    });

    it('orders by instant even when times carry different offsets', async () => {
      await store().put(sampleConversation('utc', '2024-05-01T10:00:00.000Z'), null);
      await store().put(sampleConversation('paris', '2024-05-01T11:30:00.000+02:00'), null);
      assert.deepEqual(await ids('2024-05-01T09:15:00.000Z', 10), ['utc', 'paris']);
    });

    it('moves a conversation up the active list when it is updated', async () => {
      const etag = await store().put(sampleConversation('first', '2024-05-01T10:00:00.000Z'), null);
      await store().put(sampleConversation('second', '2024-05-01T10:05:00.000Z'), null);
      await store().put(sampleConversation('first', '2024-05-01T10:10:00.000Z'), etag);
      assert.deepEqual(await ids('2024-05-01T09:00:00.000Z', 10), ['first', 'second']);
    });

    async function pagesSince(since: string, pageSize: number): Promise<string[][]> {
      const pages: string[][] = [];
      for await (const page of store().updatedSince(new Date(since), pageSize)) pages.push(page.map((state) => state.conversationId));
      return pages;
    }

    it('reads every conversation updated since a time, oldest update first, in pages, ties and all', async () => {
      await store().put(sampleConversation('before', '2024-05-01T08:00:00.000Z'), null);
      for (const id of ['c', 'a', 'b']) await store().put(sampleConversation(id, '2024-05-01T10:00:00.000Z'), null);
      await store().put(sampleConversation('later', '2024-05-01T11:00:00.000Z'), null);
      await store().put(sampleConversation('paris', '2024-05-01T11:30:00.000+02:00'), null);
      const pages = await pagesSince('2024-05-01T09:00:00.000Z', 2);
      assert.ok(pages.every((page) => page.length > 0 && page.length <= 2), JSON.stringify(pages));
      const seen = pages.flat();
      assert.deepEqual([...seen].sort(), ['a', 'b', 'c', 'later', 'paris']);
      assert.deepEqual(seen.slice(0, 1), ['paris'], 'oldest instant first, whatever the offset');
      assert.deepEqual(seen.slice(-1), ['later']);
      assert.deepEqual(await pagesSince('2024-05-02T00:00:00.000Z', 10), []);
    });

    it('refuses a page size below one or an invalid date for the roll-up, naming the argument', async () => {
      await assert.rejects(pagesSince('2024-05-01T00:00:00.000Z', 0), /pageSize/);
      await assert.rejects(pagesSince('not a date', 5), /since/);
    });

    it('rejects a negative or fractional limit and an invalid date, naming the argument', async () => {
      await assert.rejects(store().listActive(new Date(0), -1), /limit/);
      await assert.rejects(store().listActive(new Date(0), 2.5), /limit/);
      await assert.rejects(store().listActive(new Date('not a date'), 5), /since/);
    });

    it('refuses an invalid conversation, naming the path that is wrong, and stores nothing', async () => {
      const state = sampleConversation('conv-1');
      const broken: ConversationState = {
        ...state,
        attributes: { orderNumber: { ...state.attributes.orderNumber!, confidence: 1.5 } },
      };
      await assert.rejects(store().put(broken, null), /attributes\.orderNumber\.confidence/);
      assert.equal(await store().get('conv-1'), null);
    });
  });
}

export function sampleMiss(id: string, at: string, text = 'do you sell gift cards for the holidays'): Miss {
  return { id, conversationId: id.split('#')[0]!, channel: 'webchat', at, text, reason: 'out-of-scope', intentId: null, afterQuestion: false, followedBy: null, followUp: null };
}

/** The behaviour every MissStore backend must show; `limits` of the store: at most 5 misses, kept 10 days. */
export function describeMissStoreContract(name: string, factory: StoreFactory<MissStore>): void {
  describe(`MissStore contract: ${name} (at most 5 misses, kept 10 days)`, () => {
    const store = useStore(factory);
    const now = new Date('2024-05-20T12:00:00.000Z');
    async function all(since = new Date(0)): Promise<Miss[]> {
      const read: Miss[] = [];
      for await (const miss of store().since(since)) read.push(miss);
      return read;
    }

    it('keeps misses once by id, updates a miss seen again, and reads them oldest first from a time', async () => {
      const first = await store().add([sampleMiss('a#1', '2024-05-18T10:00:00.000Z'), sampleMiss('b#1', '2024-05-18T09:00:00.000Z')], now);
      assert.deepEqual(first, { added: 2, droppedForBound: 0, droppedForRetention: 0 });
      const again = await store().add([{ ...sampleMiss('a#1', '2024-05-18T10:00:00.000Z'), followedBy: 'question', followUp: 'Which card?' }], now);
      assert.equal(again.added, 0);
      assert.deepEqual((await all()).map((m) => [m.id, m.followedBy]), [['b#1', null], ['a#1', 'question']]);
      assert.deepEqual((await all(new Date('2024-05-18T09:30:00.000Z'))).map((m) => m.id), ['a#1']);
      assert.equal(await store().count(), 2);
    });

    it('drops the oldest first when the bound is reached, and says how many', async () => {
      const misses = Array.from({ length: 7 }, (_, i) => sampleMiss(`c${i}#1`, `2024-05-19T10:0${i}:00.000Z`));
      const added = await store().add(misses, now);
      assert.deepEqual(added, { added: 7, droppedForBound: 2, droppedForRetention: 0 });
      assert.deepEqual((await all()).map((m) => m.id), ['c2#1', 'c3#1', 'c4#1', 'c5#1', 'c6#1']);
    });

    it('drops misses older than the retention', async () => {
      const added = await store().add([sampleMiss('old#1', '2024-05-01T10:00:00.000Z'), sampleMiss('new#1', '2024-05-19T10:00:00.000Z')], now);
      assert.deepEqual(added, { added: 2, droppedForBound: 0, droppedForRetention: 1 });
      assert.deepEqual((await all()).map((m) => m.id), ['new#1']);
    });

    it('refuses a miss that is not valid, naming the field, and stores nothing of it', async () => {
      await assert.rejects(store().add([{ ...sampleMiss('bad#1', '2024-05-19T10:00:00.000Z'), reason: 'bored' as Miss['reason'] }], now), /reason/);
      assert.equal(await store().count(), 0);
    });
  });
}
