import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AzureClients } from '../../src/azure/clients.js';
import { azureEmbedder } from '../../src/azure/embedder.js';
import { buildCatalog } from '../../src/library/catalog.js';
import { newConversationState } from '../../src/engine/state.js';
import type { EngineDeps } from '../../src/engine/deps.js';
import { step } from '../../src/engine/step.js';
import { azureSolutionSearch } from '../../src/knowledge/azure/azure-search.js';
import { SEMANTIC_CONFIGURATION } from '../../src/knowledge/azure/index-schema.js';
import { indexKnowledgeBase } from '../../src/knowledge/azure/indexer.js';
import type { SolutionSearch } from '../../src/knowledge/types.js';
import { sampleLibrary } from '../stores/fixtures.js';
import { articles, azureConfig, clientsFor, knowledgeBase, LOCAL_OPENAI_KEY, LOCAL_SEARCH_KEY } from './azure-helpers.js';
import { startOpenAIPeer, type OpenAIPeer } from './peers/openai-peer.js';
import { startSearchPeer, type SearchPeer } from './peers/search-peer.js';

describe('Azure AI Search', () => {
  let searchPeer: SearchPeer;
  let openaiPeer: OpenAIPeer;
  let clients: AzureClients;
  let kb: ReturnType<typeof knowledgeBase>;

  const env = (extra: Record<string, string> = {}) => ({
    AZURE_SEARCH_ENDPOINT: searchPeer.endpoint,
    AZURE_SEARCH_KEY: LOCAL_SEARCH_KEY,
    AZURE_SEARCH_INDEX: 'kb-solutions',
    AZURE_OPENAI_ENDPOINT: openaiPeer.endpoint,
    AZURE_OPENAI_API_KEY: LOCAL_OPENAI_KEY,
    AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
    AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed',
    AZURE_OPENAI_EMBEDDING_DIMENSIONS: '16',
    ...extra,
  });

  async function indexed(): Promise<void> {
    await indexKnowledgeBase(kb.dir, {
      indexes: clients.search!.clients.indexes,
      documents: clients.search!.clients.documents,
      indexName: 'kb-solutions',
      embedder: azureEmbedder(clients),
      dimensions: 16,
    });
  }

  function searchWith(extra: Record<string, string> = {}): Promise<SolutionSearch> {
    return clientsFor(azureConfig(env(extra))).then((built) => {
      const search = built.search!;
      return azureSolutionSearch(search.clients.documents, { semanticRanker: search.settings.semanticRanker, timeoutMs: search.settings.timeoutMs, embedder: azureEmbedder(built) });
    });
  }

  beforeEach(async () => {
    searchPeer = await startSearchPeer();
    openaiPeer = await startOpenAIPeer();
    clients = await clientsFor(azureConfig(env()));
    kb = knowledgeBase(articles);
  });
  afterEach(async () => {
    clients.close();
    kb.remove();
    await searchPeer.close();
    await openaiPeer.close();
  });

  describe('kb index', () => {
    it('creates the solutions index with keyword fields, intent ids, a vector field and a semantic configuration', async () => {
      await indexed();
      const put = searchPeer.calls.find((call) => call.request.method === 'PUT');
      assert.equal(put?.request.path, "/indexes('kb-solutions')");
      assert.ok(put?.request.query.get('api-version'), 'the SDK names its api-version');
      assert.equal(put?.request.headers['api-key'], LOCAL_SEARCH_KEY);
      const fields = (put?.body?.fields as Array<Record<string, unknown>>).map((field) => field.name);
      assert.deepEqual(fields, ['id', 'articleId', 'title', 'heading', 'content', 'url', 'tags', 'intentIds', 'contentVector']);
      const vector = (put?.body?.fields as Array<Record<string, unknown>>).find((field) => field.name === 'contentVector');
      assert.equal(vector?.dimensions, 16);
      const semantic = put?.body?.semantic as { configurations: Array<{ name: string }> };
      assert.equal(semantic.configurations[0]?.name, SEMANTIC_CONFIGURATION);
    });

    it('uploads every article chunk with its tags as intent ids and an embedding from the embedding deployment', async () => {
      await indexed();
      const stored = [...searchPeer.documents('kb-solutions').values()];
      assert.deepEqual(stored.map((doc) => doc.articleId).sort(), ['billing-faq', 'error-e42', 'reset-router']);
      const router = stored.find((doc) => doc.articleId === 'reset-router');
      assert.deepEqual(router?.intentIds, ['router-reset', 'internet']);
      assert.equal(router?.url, 'https://help.example.com/reset-router');
      assert.equal((router?.contentVector as number[]).length, 16);
      assert.ok(openaiPeer.embeddings.every((call) => call.deployment === 'embed'), 'embeddings go to the embedding deployment');
    });

    it('removes the chunks of an article deleted from the folder on the next run', async () => {
      await indexed();
      fs.rmSync(path.join(kb.dir, 'billing-faq.md'));
      await indexed();
      assert.deepEqual([...searchPeer.documents('kb-solutions').values()].map((doc) => doc.articleId).sort(), ['error-e42', 'reset-router']);
    });
  });

  describe('the query the step runs', () => {
    beforeEach(indexed);

    it('sends a hybrid keyword and vector query filtered to the articles tagged with the intent', async () => {
      const search = await searchWith();
      searchPeer.calls.length = 0;
      const solutions = await search.search({ text: 'router keeps blinking', intentId: 'router-reset', top: 2 });
      assert.deepEqual(solutions.map((s) => s.id), ['reset-router']);
      assert.equal(solutions[0]?.url, 'https://help.example.com/reset-router');
      const body = searchPeer.calls.find((call) => call.request.path.endsWith('/docs/search.post.search'))?.body;
      assert.equal(body?.filter, "intentIds/any(i: i eq 'router-reset')");
      assert.equal(body?.search, 'router keeps blinking');
      const vectorQuery = (body?.vectorQueries as Array<Record<string, unknown>>)[0];
      assert.equal(vectorQuery?.kind, 'vector');
      assert.equal(vectorQuery?.fields, 'contentVector');
      assert.equal((vectorQuery?.vector as number[]).length, 16);
      assert.notEqual(body?.queryType, 'semantic');
    });

    it('searches every article when none is tagged with the intent', async () => {
      const search = await searchWith();
      const solutions = await search.search({ text: 'E42 firmware', intentId: 'untagged-intent' });
      assert.equal(solutions[0]?.id, 'error-e42');
    });

    it('asks for the semantic ranker and shows its caption when enabled', async () => {
      const search = await searchWith({ AZURE_SEARCH_SEMANTIC_RANKER: 'true' });
      searchPeer.calls.length = 0;
      const [solution] = await search.search({ text: 'refund invoice' });
      const body = searchPeer.calls.find((call) => call.request.path.endsWith('/docs/search.post.search'))?.body;
      assert.equal(body?.queryType, 'semantic');
      assert.equal(body?.semanticConfiguration, SEMANTIC_CONFIGURATION);
      assert.match(solution?.snippet ?? '', /^caption: /);
    });

    it('quotes an intent id carrying a quote, so it cannot change the filter', async () => {
      const search = await searchWith();
      searchPeer.calls.length = 0;
      await search.search({ text: 'router', intentId: "x') or true or ('" });
      const body = searchPeer.calls.find((call) => call.request.path.endsWith('/docs/search.post.search'))?.body;
      assert.equal(body?.filter, "intentIds/any(i: i eq 'x'') or true or (''')");
    });

    it('retries a 429 after the time it asks, and a 503, then answers', async () => {
      const search = await searchWith();
      const isSearch = (r: { path: string }) => r.path.endsWith('/docs/search.post.search');
      searchPeer.faults.clear();
      searchPeer.faults.inject({ kind: 'status', status: 429, retryAfterMs: 200 }, { match: isSearch });
      searchPeer.faults.inject({ kind: 'status', status: 503 }, { match: isSearch });
      const solutions = await search.search({ text: 'router blinking', intentId: 'router-reset' });
      assert.equal(solutions[0]?.id, 'reset-router');
      const tries = searchPeer.faults.requests.filter(isSearch);
      assert.equal(tries.length, 3);
      assert.ok(tries[1]!.at - tries[0]!.at >= 190, 'waited what retry-after-ms asked');
    });

    it('keeps searching by keywords when the embedding deployment fails', async () => {
      const search = await searchWith();
      openaiPeer.faults.inject({ kind: 'status', status: 500 }, { times: 5 });
      searchPeer.calls.length = 0;
      const solutions = await search.search({ text: 'router blinking' });
      assert.equal(solutions[0]?.id, 'reset-router');
      const body = searchPeer.calls.find((call) => call.request.path.endsWith('/docs/search.post.search'))?.body;
      assert.equal(body?.vectorQueries, undefined);
    });
  });

  describe('when Search is down', () => {
    beforeEach(indexed);

    function deps(search: SolutionSearch): EngineDeps {
      return {
        catalog: buildCatalog(sampleLibrary('retail')),
        ranker: { classify: () => ({ ranking: [{ intent: 'order.status', confidence: 0.95 }], outOfScopeScore: 0 }) },
        decide: (classification) => ({ kind: 'intent', intent: classification.ranking[0]!.intent, confidence: classification.ranking[0]!.confidence }),
        extractor: { extract: () => [] },
        search,
        mask: (text) => text,
        now: () => new Date('2024-05-01T10:00:00.000Z'),
      };
    }

    for (const [name, fault] of [
      ['times out', { kind: 'delay', ms: 3000 }],
      ['drops every connection', { kind: 'drop' }],
      ['answers 503 every time', { kind: 'status', status: 503 }],
    ] as const) {
      it(`still asks the next question and says solutions are unavailable when Search ${name}`, async () => {
        const search = await searchWith({ AZURE_SEARCH_TIMEOUT_MS: '400' });
        searchPeer.faults.inject(fault, { times: 20 });
        const state = newConversationState('conv-1', 'webchat', new Date('2024-05-01T10:00:00.000Z'));
        const { insight } = await step(state, { role: 'customer', text: 'where is my order?' }, deps(search));
        assert.equal(insight.status, 'need-info');
        assert.equal(insight.nextQuestions[0]?.question, 'What is your order number?');
        assert.equal(insight.solutionsAvailable, false);
      });
    }
  });
});
