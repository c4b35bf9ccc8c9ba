import type { Config } from '../config.js';
import { azureSettings } from '../azure/settings.js';
import type { DiscoveryModel } from '../discovery/azure-openai/model.js';
import type { ConversationStore } from '../engine/store.js';
import type { MissStore } from '../engine/misses.js';
import type { IndexTarget } from '../knowledge/azure/indexer.js';
import type { InsightStore } from '../insights/store.js';
import { InsightsService } from '../insights/service.js';
import { buildCatalog } from '../library/catalog.js';
import { readLibraryFile } from '../library/io.js';
import { outcomeMetrics } from './insight-metrics.js';
import type { LibraryStore } from '../library/store.js';
import { InProcessEventBus, type EventBus } from '../assist/events.js';
import { openSqliteStores, SqliteEventBus } from '../stores/sqlite/index.js';
import { WebPubSubEventBus } from '../stores/web-pubsub/event-bus.js';
import type { AzureParts } from './azure-parts.js';

export { CosmosSetupError } from '../stores/cosmos/containers.js';

/*
 * The parts commands use, built from config here and nowhere else (`serve` and `chat` get theirs from openApp,
 * which chooses its stores with chooseStores). An Azure SDK loads only when its part is configured and
 * asked for, so commands on the embedded defaults start quickly.
 */

export interface Stores {
  libraries: LibraryStore;
  conversations: ConversationStore;
  insights: InsightStore;
  misses: MissStore;
  close(): void;
}

/** The service's stores: Cosmos DB when it is configured (opened with the other Azure parts), otherwise the embedded SQLite file. */
export function chooseStores(azure: AzureParts, config: Config): Stores {
  return azure.stores ? { ...azure.stores, close: () => undefined } : openSqliteStores(config.sqlitePath, config.missLimits);
}

/** The bus live events travel on, and where it carries them (for the start log). */
export interface EventsPart {
  bus: EventBus;
  describe: string;
}

/**
 * Live events: Azure Web PubSub when it is configured (every instance, and pages subscribe through the hub
 * themselves); else on the embedded store, the SQLite file's events table, so every process on that file sees every
 * event; otherwise (a private in-memory database, or Cosmos DB) only the streams of this process.
 */
export function chooseEventBus(azure: AzureParts, config: Config, onError: (error: unknown) => void): EventsPart {
  const webPubSub = azure.clients.webPubSub;
  if (webPubSub) {
    const bus = new WebPubSubEventBus({
      service: webPubSub.clients.service,
      connect: webPubSub.clients.connect,
      pageTokenMinutes: webPubSub.settings.clientTokenMinutes,
      onError,
    });
    return { bus, describe: `Azure Web PubSub ${webPubSub.settings.endpoint} hub ${webPubSub.settings.hub} (identity; every instance)` };
  }
  if (azure.stores || config.sqlitePath === ':memory:') return { bus: new InProcessEventBus(), describe: 'in-process (streams on this instance only)' };
  const bus = new SqliteEventBus(config.sqlitePath, {
    pollMs: config.EVENTS_POLL_MS,
    retentionMs: config.EVENTS_RETENTION_SECONDS * 1000,
    onError,
  });
  return { bus, describe: `SQLite ${config.sqlitePath} (every process on this file)` };
}

/** The stores alone, for a command: Cosmos DB when AZURE_COSMOS_ENDPOINT is set (its containers checked), otherwise SQLite. */
export async function openStores(config: Config): Promise<Stores> {
  const settings = azureSettings(config);
  if (!settings.cosmos) return openSqliteStores(config.sqlitePath, config.missLimits);
  const [{ createAzureClients }, { openCosmosStores }] = await Promise.all([import('../azure/clients.js'), import('../stores/cosmos/index.js')]);
  const clients = createAzureClients({ ...settings, search: null, openai: null, webPubSub: null });
  try {
    const stores = await openCosmosStores(clients.cosmos!.client, settings.cosmos);
    return { libraries: stores.libraries, conversations: stores.conversations, insights: stores.insights, misses: stores.misses, close: () => clients.close() };
  } catch (error) {
    clients.close();
    throw error;
  }
}

/** Runs `run` with the stores open (see openStores) and closes them after. */
export async function withStores<T>(config: Config, run: (stores: Stores) => Promise<T>): Promise<T> {
  const stores = await openStores(config);
  try {
    return await run(stores);
  } finally {
    stores.close();
  }
}

/**
 * The insights use cases for a command (`intent-skill insights`), on the configured stores, with the stored library
 * for the intents' groups and the outcome counters of src/app/insight-metrics.ts.
 */
export async function openInsights(config: Config): Promise<{ insights: InsightsService; close(): void }> {
  const stores = await openStores(config);
  try {
    const stored = await stores.libraries.get(config.LIBRARY_ID);
    const library = stored?.value ?? (await readLibraryFile(config.LIBRARY_SEED_FILE));
    const catalog = buildCatalog(library);
    const insights = new InsightsService({
      conversations: stores.conversations,
      insights: stores.insights,
      catalog: () => catalog,
      now: () => new Date(),
      quietMs: config.INSIGHTS_QUIET_MINUTES * 60_000,
      recorder: outcomeMetrics(),
    });
    return { insights, close: () => stores.close() };
  } catch (error) {
    stores.close();
    throw error;
  }
}

/** Where `kb index` pushes the knowledge base: the configured Azure AI Search index, embedded with the embedding deployment when there is one. */
export interface SearchIndexPart {
  target: IndexTarget;
  close(): void;
}

/** The Azure AI Search index to fill; null when AZURE_SEARCH_ENDPOINT is not set. */
export async function openSearchIndex(config: Config): Promise<SearchIndexPart | null> {
  const settings = azureSettings(config);
  if (!settings.search) return null;
  const [{ createAzureClients }, { azureEmbedder }] = await Promise.all([import('../azure/clients.js'), import('../azure/embedder.js')]);
  const clients = createAzureClients({ ...settings, cosmos: null, webPubSub: null });
  const search = clients.search!;
  return {
    target: {
      indexes: search.clients.indexes,
      documents: search.clients.documents,
      indexName: search.settings.index,
      embedder: azureEmbedder(clients),
      dimensions: config.AZURE_OPENAI_EMBEDDING_DIMENSIONS,
    },
    close: () => clients.close(),
  };
}

export interface DiscoveryModelPart {
  model: DiscoveryModel;
  /** Which deployments discovery uses, for the terminal (never a key). */
  describe: string;
  close(): void;
}

/** The configured Azure OpenAI deployments, for `discover --azure-openai`; null without AZURE_OPENAI_ENDPOINT and a chat deployment. */
export async function openDiscoveryModel(config: Config, timeoutMs: number): Promise<DiscoveryModelPart | null> {
  const settings = azureSettings(config);
  if (!settings.openai) return null;
  const [{ createAzureClients }, { azureEmbedder }] = await Promise.all([import('../azure/clients.js'), import('../azure/embedder.js')]);
  const clients = createAzureClients({ ...settings, cosmos: null, search: null, webPubSub: null });
  const openai = clients.openai!;
  const embedder = azureEmbedder(clients);
  const { chatDeployment, embeddingDeployment } = openai.clients;
  return {
    model: {
      embeddings: embedder && embeddingDeployment ? { embedder, deployment: embeddingDeployment } : null,
      chat: { client: openai.clients.chat, deployment: chatDeployment, budgetMs: timeoutMs },
      timeoutMs,
    },
    describe:
      `Azure OpenAI ${openai.settings.endpoint}: ` +
      (embedder ? `embeddings from "${embeddingDeployment}"` : 'no AZURE_OPENAI_EMBEDDING_DEPLOYMENT, so clustering on words alone') +
      `, names from "${chatDeployment}"`,
    close: () => clients.close(),
  };
}
