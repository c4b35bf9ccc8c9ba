import assert from 'node:assert/strict';
import { CosmosClient } from '@azure/cosmos';
import { buildCatalog } from '../../src/library/catalog.js';
import { ConversationService } from '../../src/engine/conversations.js';
import type { EngineDeps } from '../../src/engine/deps.js';
import { CosmosSetupError } from '../../src/stores/cosmos/index.js';
import { ConcurrencyError } from '../../src/library/store.js';
import { describeConversationStoreContract, describeLibraryStoreContract, describeMissStoreContract } from '../stores/contract.js';
import { describeInsightStoreContract } from '../stores/insight-contract.js';
import { sampleConversation, sampleLibrary } from '../stores/fixtures.js';
import { containers, deployDatabase, openStores, type OpenedCosmos } from './cosmos-helpers.js';
import { testCertificate } from './peers/certificate.js';
import { LOCAL_COSMOS_KEY, startCosmosPeer, type CosmosPeer } from './peers/cosmos-peer.js';
import type { RecordedRequest } from './peers/faults.js';

let peer: CosmosPeer;
before(async () => {
  peer = await startCosmosPeer();
});
after(async () => {
  await peer.close();
});

describeLibraryStoreContract('Cosmos DB', async () => {
  const opened = await openStores(peer, await deployDatabase(peer));
  return { store: opened.stores.libraries, close: opened.close };
});

describeConversationStoreContract('Cosmos DB', async () => {
  const opened = await openStores(peer, await deployDatabase(peer));
  return { store: opened.stores.conversations, close: opened.close };
});

describeMissStoreContract('Cosmos DB', async () => {
  const opened = await openStores(peer, await deployDatabase(peer), { MISSES_MAX: '5', MISSES_RETENTION_DAYS: '10' });
  return { store: opened.stores.misses, close: opened.close };
});

describeInsightStoreContract('Cosmos DB', async () => {
  const opened = await openStores(peer, await deployDatabase(peer));
  return { store: opened.stores.insights, close: opened.close };
});

const isDocument = (request: RecordedRequest): boolean => /\/docs(\/|$)/.test(request.path);
const isPointRead = (request: RecordedRequest): boolean => request.method === 'GET' && /\/docs\/[^/]+$/.test(request.path);
const isWrite = (request: RecordedRequest): boolean => isDocument(request) && (request.method === 'PUT' || (request.method === 'POST' && !request.headers['x-ms-documentdb-isquery']));

/** A step whose understanding is fixed, so what is counted is the store's work. */
function stepDeps(): EngineDeps {
  const catalog = buildCatalog(sampleLibrary('retail'));
  return {
    catalog,
    ranker: { classify: () => ({ ranking: [{ intent: 'order.status', confidence: 0.95 }], outOfScopeScore: 0 }) },
    decide: (classification) => {
      const best = classification.ranking[0];
      return best ? { kind: 'intent', intent: best.intent, confidence: best.confidence } : { kind: 'out-of-scope', best: null };
    },
    extractor: {
      extract: (text, attributes) =>
        /\d{4}-\d{2}/.test(text) && attributes.some((a) => a.name === 'orderNumber')
          ? [{ attribute: 'orderNumber', value: text.match(/\d{4}-\d{2}/)![0], text: text.match(/\d{4}-\d{2}/)![0], confidence: 1 }]
          : [],
    },
    search: null,
    mask: (text) => text,
    now: () => new Date('2024-05-01T10:00:00.000Z'),
  };
}

describe('Cosmos DB stores', () => {
  let opened: OpenedCosmos;
  let service: ConversationService;
  beforeEach(async () => {
    opened = await openStores(peer, await deployDatabase(peer));
    service = new ConversationService(opened.stores.conversations, stepDeps);
    peer.faults.clear();
  });
  afterEach(() => {
    peer.faults.clear();
    opened.close();
  });

  async function raw(id: string): Promise<Record<string, unknown> | undefined> {
    const admin = new CosmosClient({ endpoint: peer.endpoint, key: LOCAL_COSMOS_KEY, agent: (await testCertificate()).agent });
    try {
      const { resource } = await admin.database(opened.settings.database).container(containers.conversations).item(id, id).read();
      return resource;
    } finally {
      admin.dispose();
    }
  }

  describe('cost of a turn', () => {
    it('costs at most two point reads and one write, with no query, for a new and for an ongoing conversation', async () => {
      for (const text of ['where is my order?', 'it is 4471-22', 'thanks']) {
        peer.faults.clear();
        await service.turn('conv-cost', { role: 'customer', text }, { channel: 'webchat' });
        const requests = peer.faults.requests;
        assert.ok(requests.filter(isPointRead).length <= 2, `point reads for "${text}": ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
        assert.equal(requests.filter(isWrite).length, 1, `writes for "${text}"`);
        assert.equal(requests.filter((r) => r.headers['x-ms-documentdb-isquery']).length, 0, 'no query on a turn');
        assert.deepEqual(requests.filter((r) => !isDocument(r)).map((r) => r.path), [], 'no metadata request on a turn');
        const partitions = new Set(requests.filter(isDocument).map((r) => r.headers['x-ms-documentdb-partitionkey']).filter(Boolean));
        assert.ok(partitions.size <= 1, 'every document request stays in the conversation partition');
      }
      const stored = await service.get('conv-cost');
      assert.equal(stored?.turnCount, 3);
      assert.equal(stored?.attributes.orderNumber?.value, '4471-22');
    });

    it('sends the etag it read with the write, so a concurrent writer cannot be overwritten', async () => {
      await service.turn('conv-etag', { role: 'customer', text: 'where is my order?' }, { channel: 'webchat' });
      peer.faults.clear();
      await service.turn('conv-etag', { role: 'customer', text: 'it is 4471-22' }, { channel: 'webchat' });
      const write = peer.faults.requests.find(isWrite);
      assert.equal(write?.method, 'PUT');
      assert.ok(write?.headers['if-match'], 'the replace carries If-Match');
    });
  });

  describe('faults', () => {
    it('waits what a 429 asks in x-ms-retry-after-ms, then completes the turn', async () => {
      peer.faults.inject({ kind: 'status', status: 429, retryAfterMs: 300 }, { match: isPointRead });
      await service.turn('conv-429', { role: 'customer', text: 'where is my order?' }, { channel: 'webchat' });
      const reads = peer.faults.requests.filter(isPointRead);
      assert.ok(reads.length >= 2, 'the throttled read was tried again');
      assert.ok(reads[1]!.at - reads[0]!.at >= 290, `retried after ${reads[1]!.at - reads[0]!.at} ms, not the 300 ms asked`);
      assert.equal((await service.get('conv-429'))?.turnCount, 1);
    });

    it('retries a write refused with 503 and stores the turn once', async () => {
      await service.turn('conv-503', { role: 'customer', text: 'where is my order?' }, { channel: 'webchat' });
      peer.faults.inject({ kind: 'status', status: 503, retryAfterMs: 20 }, { match: isWrite, times: 2 });
      await service.turn('conv-503', { role: 'customer', text: 'it is 4471-22' }, { channel: 'webchat' });
      const stored = await service.get('conv-503');
      assert.equal(stored?.turnCount, 2);
      assert.equal(stored?.attributes.orderNumber?.value, '4471-22');
    });

    it('applies a turn exactly once when the connection drops after the write landed', async () => {
      await service.turn('conv-drop', { role: 'customer', text: 'where is my order?' }, { channel: 'webchat' });
      peer.faults.inject({ kind: 'drop-after' }, { match: isWrite });
      const result = await service.turn('conv-drop', { role: 'customer', text: 'it is 4471-22' }, { channel: 'webchat' });
      const stored = await service.get('conv-drop');
      assert.equal(stored?.turnCount, 2, 'the turn was neither lost nor applied twice');
      assert.equal(stored?.turns.filter((turn) => turn.text === 'it is 4471-22').length, 1);
      assert.equal(result.etag, (await opened.stores.conversations.get('conv-drop'))?.etag);
    });

    it('retries a read that times out and a connection dropped before any answer', async () => {
      await service.turn('conv-slow', { role: 'customer', text: 'where is my order?' }, { channel: 'webchat' });
      peer.faults.inject({ kind: 'delay', ms: 1500 }, { match: isPointRead });
      peer.faults.inject({ kind: 'drop' }, { match: isWrite });
      await service.turn('conv-slow', { role: 'customer', text: 'it is 4471-22' }, { channel: 'webchat' });
      assert.equal((await service.get('conv-slow'))?.turnCount, 2);
    });

    it('gives up with the service error when Cosmos DB stays unavailable, keeping the stored state', async () => {
      await service.turn('conv-down', { role: 'customer', text: 'where is my order?' }, { channel: 'webchat' });
      const before = await opened.stores.conversations.get('conv-down');
      peer.faults.inject({ kind: 'status', status: 503 }, { match: isWrite, times: 10 });
      await assert.rejects(service.turn('conv-down', { role: 'customer', text: 'it is 4471-22' }, { channel: 'webchat' }), (error: { code?: unknown }) => error.code === 503);
      assert.deepEqual(await opened.stores.conversations.get('conv-down'), before);
    });
  });

  describe('documents', () => {
    it('keeps each conversation for the configured time-to-live after its last write', async () => {
      await opened.stores.conversations.put(sampleConversation('conv-ttl'), null);
      assert.equal((await raw('conv-ttl'))?.ttl, 2_592_000);
    });

    it('stores a conversation id longer than Cosmos DB allows for an id, and reads it back', async () => {
      const id = `19:${'x'.repeat(340)}@thread.v2;messageid=1`;
      const etag = await opened.stores.conversations.put(sampleConversation(id), null);
      assert.deepEqual(await opened.stores.conversations.get(id), { value: sampleConversation(id), etag });
    });
  });

  describe('Bot Framework state', () => {
    it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
      const storage = opened.stores.botState;
      await storage.write({ 'webchat/conversations/a/b?c': { dialogState: { step: 2 } } });
      const read = await storage.read(['webchat/conversations/a/b?c', 'unknown']);
      assert.deepEqual(Object.keys(read), ['webchat/conversations/a/b?c']);
      assert.deepEqual(read['webchat/conversations/a/b?c']?.dialogState, { step: 2 });
      assert.equal(typeof read['webchat/conversations/a/b?c']?.eTag, 'string');
    });

    it('refuses a write carrying a stale eTag and keeps the newer state', async () => {
      const storage = opened.stores.botState;
      await storage.write({ key: { count: 1 } });
      const first = (await storage.read(['key'])).key!;
      await storage.write({ key: { count: 2, eTag: first.eTag! } });
      await assert.rejects(storage.write({ key: { count: 3, eTag: first.eTag! } }), ConcurrencyError);
      assert.equal((await storage.read(['key'])).key?.count, 2);
      await storage.write({ key: { count: 4, eTag: '*' } });
      assert.equal((await storage.read(['key'])).key?.count, 4);
    });

    it('deletes state, and deleting what is not there is not an error', async () => {
      const storage = opened.stores.botState;
      await storage.write({ gone: { x: 1 } });
      await storage.delete(['gone', 'never-there']);
      assert.deepEqual(await storage.read(['gone']), {});
    });
  });
});

describe('Cosmos DB deployment checks', () => {
  it('names the missing container and says the deployment creates it', async () => {
    await peer.deploy('half-deployed', [{ id: containers.libraries }, { id: containers.botState }, { id: containers.insights }]);
    await assert.rejects(openStores(peer, 'half-deployed'), (error: Error) => {
      assert.ok(error instanceof CosmosSetupError);
      assert.match(error.message, /container "conversations" \(conversation state\) in database "half-deployed"/);
      assert.match(error.message, /does not exist/);
      assert.match(error.message, /partition key \/id/);
      return true;
    });
  });

  it('names a missing insights container', async () => {
    await peer.deploy('no-insights', [{ id: containers.libraries }, { id: containers.conversations, defaultTtl: -1 }, { id: containers.botState }]);
    await assert.rejects(openStores(peer, 'no-insights'), /container "insights" \(insights counts\).*does not exist/);
  });

  it('names a database that does not exist', async () => {
    await assert.rejects(openStores(peer, 'never-deployed'), /database "never-deployed".*does not exist/);
  });

  it('refuses a container partitioned by another key', async () => {
    await peer.deploy('wrong-key', [{ id: containers.libraries, partitionKey: '/tenant' }, { id: containers.conversations, defaultTtl: -1 }, { id: containers.botState }, { id: containers.insights }]);
    await assert.rejects(openStores(peer, 'wrong-key'), /"libraries".*partitioned by \/tenant.*needs partition key \/id/);
  });

  it('refuses a conversations container without time-to-live unless conversations are kept forever', async () => {
    await peer.deploy('no-ttl', [{ id: containers.libraries }, { id: containers.conversations }, { id: containers.botState }, { id: containers.insights }, { id: containers.misses }]);
    await assert.rejects(openStores(peer, 'no-ttl'), /"conversations".*time-to-live off/);
    const opened = await openStores(peer, 'no-ttl', { AZURE_COSMOS_CONVERSATION_TTL_SECONDS: '0' });
    opened.close();
  });
});
