import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Catalog } from '../library/catalog.js';
import { azureSolutionSearch } from '../knowledge/azure/azure-search.js';
import type { SolutionSearch } from '../knowledge/types.js';
import type { ChatModel } from '../azure/chat.js';
import { withModelQuery } from '../knowledge/model-query.js';
import { modelResponseSuggester } from '../assist/model-suggestions.js';
import type { ResponseSuggester } from '../assist/suggestions.js';
import { modelUnderstanding, type ModelUnderstandingOptions, type Understanding } from '../nlu/azure-openai/understanding.js';
import { openCosmosStores, type CosmosStores } from '../stores/cosmos/index.js';
import { createAzureClients, type AzureClients } from '../azure/clients.js';
import { azureEmbedder } from '../azure/embedder.js';
import { azureSettings } from '../azure/settings.js';
import type { AzureTransport } from '../azure/transport.js';

/** The adapters built on the configured Azure parts; a null part keeps its embedded default. */
export interface AzureParts {
  clients: AzureClients;
  stores: CosmosStores | null;
  search: SolutionSearch | null;
  /** Wraps the local understanding with the model's, when Azure OpenAI is configured. */
  understanding(local: ModelUnderstandingOptions['local'], catalog: () => Catalog): Understanding | null;
  suggester: ResponseSuggester | null;
  /** Which parts run on Azure, for the startup log (names only, never a key). */
  describe(): Record<string, string>;
  close(): void;
}

function chatModel(clients: AzureClients): ChatModel | null {
  const openai = clients.openai;
  return openai ? { client: openai.clients.chat, deployment: openai.clients.chatDeployment, budgetMs: openai.settings.timeoutMs } : null;
}

/** Builds the Azure clients from config and the adapters on them; checks that Cosmos DB is deployed as the stores need. */
export async function openAzureParts(config: Config, logger?: Logger, transport: AzureTransport = {}): Promise<AzureParts> {
  const settings = azureSettings(config);
  const clients = createAzureClients(settings, transport);
  const fallback = (part: string) => (reason: string) => logger?.warn({ part, reason }, 'Azure OpenAI answer not used; local understanding stands');
  try {
    const stores = clients.cosmos ? await openCosmosStores(clients.cosmos.client, clients.cosmos.settings) : null;
    const model = chatModel(clients);
    const baseSearch = clients.search
      ? azureSolutionSearch(clients.search.clients.documents, {
          semanticRanker: clients.search.settings.semanticRanker,
          timeoutMs: clients.search.settings.timeoutMs,
          embedder: azureEmbedder(clients),
        })
      : null;
    const search = baseSearch && model && settings.openai?.generateQueries ? withModelQuery(baseSearch, model, fallback('query')) : baseSearch;
    return {
      clients,
      stores,
      search,
      understanding: (local, catalog) =>
        model && settings.openai
          ? modelUnderstanding({ local, catalog, model, shortlist: settings.openai.shortlist, now: () => new Date(), onFallback: fallback('understanding') })
          : null,
      suggester: model ? modelResponseSuggester(model, fallback('suggestions')) : null,
      describe: () => ({
        stores: settings.cosmos ? `Cosmos DB ${settings.cosmos.endpoint} database ${settings.cosmos.database} (${settings.cosmos.auth.kind})` : 'SQLite',
        search: settings.search ? `Azure AI Search ${settings.search.endpoint} index ${settings.search.index} (${settings.search.auth.kind})` : 'local',
        understanding: settings.openai ? `Azure OpenAI ${settings.openai.endpoint} deployment ${settings.openai.chatDeployment} (${settings.openai.auth.kind})` : 'local',
      }),
      close: () => clients.close(),
    };
  } catch (error) {
    clients.close();
    throw error;
  }
}
