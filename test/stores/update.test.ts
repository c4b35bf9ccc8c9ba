import assert from 'node:assert/strict';
import type { ConversationState } from '../../src/engine/state.js';
import { openSqliteStores, type SqliteStores } from '../../src/stores/sqlite/index.js';
import { ConcurrencyError } from '../../src/library/store.js';
import { DocumentNotFoundError, UpdateConflictError, updateWithRetry } from '../../src/library/update.js';
import { sampleConversation } from './fixtures.js';

describe('updateWithRetry', () => {
  let stores: SqliteStores;
  beforeEach(() => {
    stores = openSqliteStores(':memory:');
  });
  afterEach(() => stores.close());

  const addTurn = (state: ConversationState): ConversationState => ({ ...state, turnCount: state.turnCount + 1 });

  it('creates the document when nothing is stored yet, then applies the change', async () => {
    const result = await updateWithRetry(stores.conversations, 'conv-1', addTurn, { create: () => sampleConversation('conv-1') });
    assert.equal(result.value.turnCount, 4);
    assert.deepEqual(await stores.conversations.get('conv-1'), result);
  });

  it('applies the change to the stored document and returns its new etag', async () => {
    const first = await stores.conversations.put(sampleConversation('conv-1'), null);
    const result = await updateWithRetry(stores.conversations, 'conv-1', async (state) => ({ ...state, phase: 'assisted' as const }));
    assert.notEqual(result.etag, first);
    assert.deepEqual(await stores.conversations.get('conv-1'), { value: { ...sampleConversation('conv-1'), phase: 'assisted' }, etag: result.etag });
  });

  it('re-reads and re-applies the change when another writer got in first, losing neither write', async () => {
    await stores.conversations.put(sampleConversation('conv-1'), null);
    let calls = 0;
    const result = await updateWithRetry(stores.conversations, 'conv-1', async (state) => {
      calls += 1;
      if (calls === 1) {
        const current = await stores.conversations.get('conv-1');
        await stores.conversations.put({ ...current!.value, escalated: true }, current!.etag);
      }
      return addTurn(state);
    });
    assert.equal(calls, 2);
    assert.equal(result.value.turnCount, 4);
    assert.equal(result.value.escalated, true);
    assert.deepEqual(await stores.conversations.get('conv-1'), result);
  });

  it('retries a create that another writer beat, applying the change on top of theirs', async () => {
    let calls = 0;
    const result = await updateWithRetry(
      stores.conversations,
      'conv-1',
      async (state) => {
        calls += 1;
        if (calls === 1) await stores.conversations.put({ ...sampleConversation('conv-1'), channel: 'msteams' }, null);
        return addTurn(state);
      },
      { create: () => sampleConversation('conv-1') },
    );
    assert.equal(result.value.channel, 'msteams');
    assert.equal(result.value.turnCount, 4);
  });

  it('gives up after the given attempts with an error naming the document, leaving the other writes in place', async () => {
    await stores.conversations.put(sampleConversation('conv-1'), null);
    let calls = 0;
    const interfere = async (state: ConversationState): Promise<ConversationState> => {
      calls += 1;
      const current = await stores.conversations.get('conv-1');
      await stores.conversations.put({ ...current!.value, turnCount: current!.value.turnCount + 100 }, current!.etag);
      return addTurn(state);
    };
    await assert.rejects(updateWithRetry(stores.conversations, 'conv-1', interfere, { attempts: 3 }), (error: unknown) => {
      assert.ok(error instanceof UpdateConflictError);
      assert.match(error.message, /conversation "conv-1" kept changing .* gave up after 3 attempts/);
      assert.ok(error.cause instanceof ConcurrencyError);
      return true;
    });
    assert.equal(calls, 3);
    assert.equal((await stores.conversations.get('conv-1'))?.value.turnCount, 303);
  });

  it('reports a missing document when no create function is given, and creates nothing', async () => {
    await assert.rejects(updateWithRetry(stores.conversations, 'ghost', addTurn), DocumentNotFoundError);
    assert.equal(await stores.conversations.get('ghost'), null);
  });

  it('stops at once, writing nothing, when the change itself fails', async () => {
    const etag = await stores.conversations.put(sampleConversation('conv-1'), null);
    let calls = 0;
    const failing = (): ConversationState => {
      calls += 1;
      throw new Error('classifier unavailable');
    };
    await assert.rejects(updateWithRetry(stores.conversations, 'conv-1', failing), /classifier unavailable/);
    assert.equal(calls, 1);
    assert.equal((await stores.conversations.get('conv-1'))?.etag, etag);
  });

  it('passes on an invalid result without retrying', async () => {
    await stores.conversations.put(sampleConversation('conv-1'), null);
    let calls = 0;
    const invalid = (state: ConversationState): ConversationState => {
      calls += 1;
      return { ...state, turnCount: -1 };
    };
    await assert.rejects(updateWithRetry(stores.conversations, 'conv-1', invalid), /turnCount/);
    assert.equal(calls, 1);
  });

  it('refuses a number of attempts below one', async () => {
    await assert.rejects(updateWithRetry(stores.conversations, 'conv-1', addTurn, { attempts: 0 }), /attempts/);
  });
});
