import type { TokenCredential } from '@azure/core-auth';
import type { CosmosClient } from '@azure/cosmos';
import { createCosmosClient } from './cosmos.js';
import { createCredential } from './credential.js';
import { createOpenAIClients, type OpenAIClients } from './openai.js';
import { createSearchClients, type SearchClients } from './search.js';
import type { AzureSettings, CosmosSettings, OpenAISettings, SearchSettings, WebPubSubSettings } from './settings.js';
import type { AzureTransport } from './transport.js';
import { createWebPubSubClients, type WebPubSubClients } from './web-pubsub.js';

/** Every Azure client the service uses, built once from config; a part that is not configured is null. */
export interface AzureClients {
  cosmos: { client: CosmosClient; settings: CosmosSettings } | null;
  search: { clients: SearchClients; settings: SearchSettings } | null;
  openai: { clients: OpenAIClients; settings: OpenAISettings } | null;
  webPubSub: { clients: WebPubSubClients; settings: WebPubSubSettings } | null;
  close(): void;
}

/**
 * The only place that constructs Azure SDK clients. The credential is built on first need, so a
 * deployment that uses keys only (or no Azure part at all) never probes for an identity.
 */
export function createAzureClients(settings: AzureSettings, transport: AzureTransport = {}): AzureClients {
  let credential: TokenCredential | undefined;
  const sharedCredential = (): TokenCredential => (credential ??= createCredential(settings));
  const cosmos = settings.cosmos ? { client: createCosmosClient(settings.cosmos, sharedCredential, transport), settings: settings.cosmos } : null;
  return {
    cosmos,
    search: settings.search ? { clients: createSearchClients(settings.search, sharedCredential, transport), settings: settings.search } : null,
    openai: settings.openai ? { clients: createOpenAIClients(settings.openai, sharedCredential), settings: settings.openai } : null,
    webPubSub: settings.webPubSub ? { clients: createWebPubSubClients(settings.webPubSub, sharedCredential, transport), settings: settings.webPubSub } : null,
    close: () => cosmos?.client.dispose(),
  };
}
