import type { Config } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import { createAzureClients, type AzureClients } from '../../src/azure/clients.js';
import { azureSettings, type CosmosSettings } from '../../src/azure/settings.js';
import { openCosmosStores, type CosmosStores } from '../../src/stores/cosmos/index.js';
import type { RetryOptions } from '../../src/stores/cosmos/retry.js';
import { testCertificate } from './peers/certificate.js';
import { LOCAL_COSMOS_KEY, type CosmosPeer } from './peers/cosmos-peer.js';

/** Short waits so fault tests stay fast; the attempts are the service's own. */
export const fastRetry: RetryOptions = { attempts: 4, baseDelayMs: 5, maxDelayMs: 1000 };

export const containers = { libraries: 'libraries', conversations: 'conversations', botState: 'bot-state', insights: 'insights', misses: 'misses' };

let databases = 0;

/** A fresh database with the five containers, deployed as deploy/ would (time-to-live on for conversations). */
export async function deployDatabase(peer: CosmosPeer): Promise<string> {
  databases += 1;
  const database = `intent-skill-${databases}`;
  await peer.deploy(database, [
    { id: containers.libraries },
    { id: containers.conversations, defaultTtl: -1 },
    { id: containers.botState },
    { id: containers.insights },
    { id: containers.misses },
  ]);
  return database;
}

export function cosmosConfig(peer: CosmosPeer, database: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    AZURE_COSMOS_ENDPOINT: peer.endpoint,
    AZURE_COSMOS_KEY: LOCAL_COSMOS_KEY,
    AZURE_COSMOS_DATABASE: database,
    AZURE_COSMOS_TIMEOUT_MS: '500',
    ...env,
  });
}

export interface OpenedCosmos {
  clients: AzureClients;
  settings: CosmosSettings;
  stores: CosmosStores;
  close(): void;
}

/** The stores as the app opens them: clients from src/azure, containers checked, nothing created. */
export async function openStores(peer: CosmosPeer, database: string, env: Record<string, string> = {}): Promise<OpenedCosmos> {
  const settings = azureSettings(cosmosConfig(peer, database, env));
  const clients = createAzureClients(settings, { httpsAgent: (await testCertificate()).agent });
  if (!clients.cosmos || !settings.cosmos) throw new Error('Cosmos DB is not configured');
  try {
    const stores = await openCosmosStores(clients.cosmos.client, settings.cosmos, fastRetry);
    return { clients, settings: settings.cosmos, stores, close: () => clients.close() };
  } catch (error) {
    clients.close();
    throw error;
  }
}
