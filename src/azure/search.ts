import type { TokenCredential } from '@azure/core-auth';
import { AzureKeyCredential, SearchClient, SearchIndexClient } from '@azure/search-documents';
import type { SolutionDocument } from '../knowledge/azure/index-schema.js';
import type { SearchSettings } from './settings.js';
import type { AzureTransport } from './transport.js';

export interface SearchClients {
  /** Queries and document uploads for the solutions index. */
  documents: SearchClient<SolutionDocument>;
  /** Index definitions, for `kb index`. */
  indexes: SearchIndexClient;
}

export function createSearchClients(settings: SearchSettings, credential: () => TokenCredential, transport: AzureTransport = {}): SearchClients {
  const auth = settings.auth.kind === 'key' ? new AzureKeyCredential(settings.auth.key) : credential();
  const options = {
    // A query must fit the turn's search budget: retries start short (a 429's retry-after still wins).
    retryOptions: { maxRetries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1000 },
    ...(transport.httpsAgent ? { agent: transport.httpsAgent } : {}),
  };
  return {
    documents: new SearchClient<SolutionDocument>(settings.endpoint, settings.index, auth, options),
    indexes: new SearchIndexClient(settings.endpoint, auth, options),
  };
}
