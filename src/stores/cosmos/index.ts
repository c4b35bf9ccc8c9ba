import type { CosmosClient } from '@azure/cosmos';
import type { CosmosSettings } from '../../azure/settings.js';
import type { ConversationStore } from '../../engine/store.js';
import type { MissStore } from '../../engine/misses.js';
import { cosmosMissStore } from './miss-store.js';
import type { InsightStore } from '../../insights/store.js';
import type { LibraryStore } from '../../library/store.js';
import { cosmosBotStorage, type BotStateStorage } from './bot-storage.js';
import { checkContainers } from './containers.js';
import { cosmosConversationStore } from './conversation-store.js';
import { cosmosInsightStore } from './insight-store.js';
import { cosmosLibraryStore } from './library-store.js';
import type { RetryOptions } from './retry.js';

export { CosmosSetupError } from './containers.js';
export type { BotStateItem, BotStateStorage } from './bot-storage.js';

export interface CosmosStores {
  libraries: LibraryStore;
  conversations: ConversationStore;
  misses: MissStore;
  botState: BotStateStorage;
  insights: InsightStore;
}

/** The stores on Cosmos DB, after checking that the deployment created their containers. */
export async function openCosmosStores(client: CosmosClient, settings: CosmosSettings, retry?: RetryOptions): Promise<CosmosStores> {
  const database = client.database(settings.database);
  const [libraries, conversations, botState, insights, misses] = await checkContainers(database, settings.endpoint, [
    { id: settings.containers.libraries, purpose: 'intent libraries', needsTimeToLive: false },
    { id: settings.containers.conversations, purpose: 'conversation state', needsTimeToLive: settings.conversationTtlSeconds !== null },
    { id: settings.containers.botState, purpose: 'Bot Framework state', needsTimeToLive: false },
    { id: settings.containers.insights, purpose: 'insights counts', needsTimeToLive: false },
    { id: settings.containers.misses, purpose: 'misses: customer turns self-service did not understand', needsTimeToLive: false },
  ]);
  if (!libraries || !conversations || !botState || !insights || !misses) throw new Error('checkContainers returned fewer containers than asked');
  return {
    libraries: cosmosLibraryStore(libraries, retry),
    conversations: cosmosConversationStore(conversations, { ttlSeconds: settings.conversationTtlSeconds, ...(retry ? { retry } : {}) }),
    misses: cosmosMissStore(misses, settings.missLimits, retry),
    botState: cosmosBotStorage(botState, retry),
    insights: cosmosInsightStore(insights, retry),
  };
}
