import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type restify from 'restify';
import { openApp, type App } from '../../src/app/app.js';
import { azureEmbedder } from '../../src/azure/embedder.js';
import { indexKnowledgeBase } from '../../src/knowledge/azure/indexer.js';
import { createServer } from '../../src/server/server.js';
import { actionActivity, endOfConversation, postActivity } from '../bot/helpers/service.js';
import { azureConfig, clientsFor, LOCAL_OPENAI_KEY, LOCAL_SEARCH_KEY } from './azure-helpers.js';
import { deployDatabase } from './cosmos-helpers.js';
import { testCertificate } from './peers/certificate.js';
import { LOCAL_COSMOS_KEY, startCosmosPeer, type CosmosPeer } from './peers/cosmos-peer.js';
import { startOpenAIPeer, NO_ACTS, userData, type OpenAIPeer } from './peers/openai-peer.js';
import { startSearchPeer, type SearchPeer } from './peers/search-peer.js';

describe('the skill with every Azure part on its local peer, driven through /api/messages', () => {
  let cosmos: CosmosPeer;
  let search: SearchPeer;
  let openai: OpenAIPeer;
  let app: App;
  let server: restify.Server;
  let origin: string;
  const logs: string[] = [];

  before(async () => {
    [cosmos, search, openai] = await Promise.all([startCosmosPeer(), startSearchPeer(), startOpenAIPeer()]);
    // The model picks the local classifier's best candidate, and reads no attribute the local extractors miss.
    openai.answer('intent_ranking', (chat) => {
      const [best] = userData(chat).candidates as Array<{ id: string }>;
      return { ranking: [{ intent: best!.id, confidence: 0.9 }], acts: NO_ACTS };
    });
    openai.answer('attribute_values', (chat) => ({
      values: Object.fromEntries((userData(chat).attributes as Array<{ name: string }>).map((attribute) => [attribute.name, null])),
    }));
    const env = {
      AZURE_COSMOS_ENDPOINT: cosmos.endpoint,
      AZURE_COSMOS_KEY: LOCAL_COSMOS_KEY,
      AZURE_COSMOS_DATABASE: await deployDatabase(cosmos),
      AZURE_SEARCH_ENDPOINT: search.endpoint,
      AZURE_SEARCH_KEY: LOCAL_SEARCH_KEY,
      AZURE_OPENAI_ENDPOINT: openai.endpoint,
      AZURE_OPENAI_API_KEY: LOCAL_OPENAI_KEY,
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed',
      AZURE_OPENAI_EMBEDDING_DIMENSIONS: '32',
      LOG_LEVEL: 'debug',
    };
    const config = azureConfig(env);
    const indexer = await clientsFor(config);
    try {
      await indexKnowledgeBase(config.KB_DIR, {
        indexes: indexer.search!.clients.indexes,
        documents: indexer.search!.clients.documents,
        indexName: config.AZURE_SEARCH_INDEX,
        embedder: azureEmbedder(indexer),
        dimensions: 32,
      });
    } finally {
      indexer.close();
    }
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = pino({ level: 'debug' }, sink);
    app = await openApp(config, logger, { azureTransport: { httpsAgent: (await testCertificate()).agent } });
    server = createServer(app, logger);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
    await Promise.all([cosmos.close(), search.close(), openai.close()]);
  });

  async function assist(text: string, conversationId: string): Promise<Record<string, unknown>> {
    const result = await postActivity(origin, actionActivity('Assist', { text, conversationId }));
    const end = endOfConversation(result);
    assert.equal(end.code, 'completedSuccessfully', JSON.stringify(end));
    return end.value;
  }

  it('classifies with the model, keeps the conversation in Cosmos DB and returns solutions from Azure AI Search', async () => {
    const conversationId = 'copilot-e2e-1';
    const first = await assist('I want to know where my order is', conversationId);
    assert.equal(first.intentId, 'order-status');
    assert.equal(first.status, 'need-info');
    assert.equal(first.nextQuestionAttribute, 'orderNumber');
    assert.ok(openai.chats.some((chat) => chat.body.response_format?.json_schema?.name === 'intent_ranking'), 'the model was asked');

    search.calls.length = 0;
    const second = await assist('It is BL-4471220', conversationId);
    assert.equal(second.status, 'ready');
    assert.equal(JSON.parse(String(second.attributesJson)).orderNumber, 'BL-4471220');
    assert.ok(String(second.solution1Title ?? '').length > 0, `a solution came back: ${JSON.stringify(second)}`);
    const query = search.calls.find((call) => call.request.path.endsWith('/docs/search.post.search'))?.body;
    assert.equal(query?.filter, "intentIds/any(i: i eq 'order-status')");
    assert.ok(Array.isArray(query?.vectorQueries), 'the query is hybrid');

    const stored = await app.conversationStore.get(conversationId);
    assert.equal(stored?.value.turnCount, 2);
    assert.equal(stored?.value.attributes.orderNumber?.value, 'BL-4471220');
  });

  it('still answers with the next question when Search and the model are down, and loses no state in a Cosmos DB fault', async () => {
    const conversationId = 'copilot-e2e-2';
    cosmos.faults.clear();
    search.faults.inject({ kind: 'status', status: 503 }, { times: 50 });
    openai.faults.inject({ kind: 'drop' }, { times: 50 });
    cosmos.faults.inject({ kind: 'drop-after' }, { match: (r) => r.method === 'POST' && r.path.endsWith('/docs') && !r.headers['x-ms-documentdb-isquery'] });
    const first = await assist('I want to know where my order is', conversationId);
    assert.equal(first.intentId, 'order-status');
    assert.equal(first.nextQuestionAttribute, 'orderNumber');
    assert.equal((await app.conversationStore.get(conversationId))?.value.turnCount, 1, 'the turn whose answer was lost is stored once');
    const creates = cosmos.faults.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/colls/conversations/docs') && !r.headers['x-ms-documentdb-isquery']);
    assert.ok(creates.length >= 2, 'the create was sent again after the dropped connection');
    search.faults.clear();
    openai.faults.clear();
  });

  it('never writes a key or token to the log', () => {
    const text = logs.join('');
    assert.ok(text.includes('Cosmos DB'), 'the backends are logged');
    for (const secret of [LOCAL_COSMOS_KEY, LOCAL_SEARCH_KEY, LOCAL_OPENAI_KEY]) assert.ok(!text.includes(secret), 'a key reached the log');
  });
});
