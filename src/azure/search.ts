import type { TokenCredential } from '@azure/core-auth';
import { AzureKeyCredential, SearchClient, SearchIndexClient } from '@azure/search-documents';
import type { SearchSettings } from './settings.js';
import type { AzureTransport } from './transport.js';

/** One chunk of a knowledge-base article, as stored in the Azure AI Search index. */
export interface SolutionDocument {
  /** The index key: the chunk id base64url-encoded, since keys allow only letters, digits, `_`, `-` and `=`. */
  id: string;
  articleId: string;
  title: string;
  heading: string;
  content: string;
  url: string | null;
  tags: string[];
  /** The intents this article solves, for the query's intent filter. */
  intentIds: string[];
  /** The embedding of the chunk, when Azure OpenAI embeddings are configured. */
  contentVector?: number[];
}

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
