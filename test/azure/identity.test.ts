import assert from 'node:assert/strict';
import type { AzureClients } from '../../src/azure/clients.js';
import { openCosmosStores } from '../../src/stores/cosmos/index.js';
import { sampleConversation } from '../stores/fixtures.js';
import { azureConfig, clientsFor } from './azure-helpers.js';
import { containers, deployDatabase, fastRetry } from './cosmos-helpers.js';
import { startCosmosPeer, type CosmosPeer } from './peers/cosmos-peer.js';
import { LOCAL_IDENTITY_HEADER, sharedIdentityPeer, useIdentityPeer, type IdentityPeer } from './peers/identity-peer.js';
import { startOpenAIPeer, type OpenAIPeer } from './peers/openai-peer.js';
import { startSearchPeer, type SearchPeer } from './peers/search-peer.js';

const USER_ASSIGNED_CLIENT_ID = '11111111-2222-4333-8444-555555555555';

describe('keyless access through a managed identity', () => {
  let identity: IdentityPeer;
  let cosmos: CosmosPeer;
  let search: SearchPeer;
  let openai: OpenAIPeer;
  let clients: AzureClients;
  let restoreEnvironment: () => void = () => undefined;

  before(async () => {
    [identity, cosmos, search, openai] = await Promise.all([sharedIdentityPeer(), startCosmosPeer(), startSearchPeer(), startOpenAIPeer()]);
    restoreEnvironment = useIdentityPeer(identity);
    const database = await deployDatabase(cosmos);
    clients = await clientsFor(
      azureConfig({
        AZURE_CLIENT_ID: USER_ASSIGNED_CLIENT_ID,
        AZURE_COSMOS_ENDPOINT: cosmos.endpoint,
        AZURE_COSMOS_DATABASE: database,
        AZURE_SEARCH_ENDPOINT: search.endpoint,
        AZURE_OPENAI_ENDPOINT: openai.endpoint,
        AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
        AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed',
      }),
    );
  });
  after(async () => {
    clients.close();
    restoreEnvironment();
    await Promise.all([cosmos.close(), search.close(), openai.close()]);
  });

  it('sends Cosmos DB requests with an Entra token of the user-assigned identity, and no key', async () => {
    const stores = await openCosmosStores(clients.cosmos!.client, clients.cosmos!.settings, fastRetry);
    cosmos.faults.clear();
    await stores.conversations.put(sampleConversation('conv-1'), null);
    const write = cosmos.faults.requests.find((r) => r.method === 'POST' && r.path.endsWith(`/colls/${containers.conversations}/docs`));
    const authorization = decodeURIComponent(String(write?.headers.authorization));
    assert.equal(authorization, `type=aad&ver=1.0&sig=${identity.tokenFor(cosmos.endpoint)}`);
    assert.ok(identity.issued.some((token) => token.resource === cosmos.endpoint && token.clientId === USER_ASSIGNED_CLIENT_ID));
  });

  it('sends Azure AI Search requests with a bearer token for the search audience', async () => {
    await clients.search!.clients.indexes.createOrUpdateIndex({ name: 'solutions', fields: [{ name: 'id', type: 'Edm.String', key: true }] });
    const put = search.calls.find((call) => call.request.method === 'PUT');
    assert.equal(put?.request.headers.authorization, `Bearer ${identity.tokenFor('https://search.azure.com')}`);
    assert.equal(put?.request.headers['api-key'], undefined);
  });

  it('sends Azure OpenAI requests with a bearer token for the Cognitive Services audience', async () => {
    await clients.openai!.clients.embeddings!.embeddings.create({ model: 'embed', input: ['hello'], dimensions: 4 });
    const call = openai.embeddings[0];
    assert.equal(call?.request.headers.authorization, `Bearer ${identity.tokenFor('https://cognitiveservices.azure.com')}`);
    assert.equal(call?.request.headers['api-key'], undefined);
  });

  it('asks the identity endpoint with its secret header and reuses tokens instead of asking on every request', async () => {
    const before = identity.faults.requests.length;
    await clients.openai!.clients.embeddings!.embeddings.create({ model: 'embed', input: ['again'], dimensions: 4 });
    assert.equal(identity.faults.requests.length, before);
    assert.ok(identity.faults.requests.every((r) => r.headers['x-identity-header'] === LOCAL_IDENTITY_HEADER));
  });
});
