import { ConfigError, type Config } from '../config.js';

/** How a client proves who it is: a key from config, or a token from the shared credential. */
export type AzureAuth = { kind: 'key'; key: string } | { kind: 'identity' };

export interface CosmosSettings {
  endpoint: string;
  auth: AzureAuth;
  database: string;
  containers: { libraries: string; conversations: string; botState: string; insights: string; misses: string };
  /** Seconds a conversation is kept after its last write; null keeps it until deleted. */
  conversationTtlSeconds: number | null;
  timeoutMs: number;
  /** How many misses are kept and for how long (MISSES_MAX, MISSES_RETENTION_DAYS). */
  missLimits: { max: number; retentionDays: number };
}

export interface SearchSettings {
  endpoint: string;
  auth: AzureAuth;
  index: string;
  semanticRanker: boolean;
  timeoutMs: number;
}

export interface OpenAISettings {
  endpoint: string;
  auth: AzureAuth;
  apiVersion: string;
  chatDeployment: string;
  embeddingDeployment: string | null;
  embeddingDimensions: number;
  /** The budget of one model call, retries included; past it the caller falls back to local understanding. */
  timeoutMs: number;
  /** How many of the local classifier's best intents the model chooses from. */
  shortlist: number;
  /** Whether the model rewrites the knowledge-base query before each search (adds one call to a search). */
  generateQueries: boolean;
}

export interface WebPubSubSettings {
  /** Keyless only: the deployed resource has local (key) auth disabled. */
  endpoint: string;
  hub: string;
  /** How long a page's client access token is valid for connecting. */
  clientTokenMinutes: number;
}

/** The Azure parts that are configured; null parts keep their embedded default. */
export interface AzureSettings {
  /** Client id of the user-assigned managed identity; null lets DefaultAzureCredential choose. */
  managedIdentityClientId: string | null;
  cosmos: CosmosSettings | null;
  search: SearchSettings | null;
  openai: OpenAISettings | null;
  webPubSub: WebPubSubSettings | null;
}

export function azureSettings(config: Config): AzureSettings {
  return {
    managedIdentityClientId: config.AZURE_CLIENT_ID ?? null,
    cosmos: config.AZURE_COSMOS_ENDPOINT
      ? {
          endpoint: config.AZURE_COSMOS_ENDPOINT,
          auth: auth(config.AZURE_COSMOS_KEY),
          database: config.AZURE_COSMOS_DATABASE,
          containers: {
            libraries: config.AZURE_COSMOS_LIBRARIES_CONTAINER,
            conversations: config.AZURE_COSMOS_CONVERSATIONS_CONTAINER,
            botState: config.AZURE_COSMOS_BOT_STATE_CONTAINER,
            insights: config.AZURE_COSMOS_INSIGHTS_CONTAINER,
            misses: config.AZURE_COSMOS_MISSES_CONTAINER,
          },
          conversationTtlSeconds: config.AZURE_COSMOS_CONVERSATION_TTL_SECONDS === 0 ? null : config.AZURE_COSMOS_CONVERSATION_TTL_SECONDS,
          timeoutMs: config.AZURE_COSMOS_TIMEOUT_MS,
          missLimits: config.missLimits,
        }
      : null,
    search: config.AZURE_SEARCH_ENDPOINT
      ? {
          endpoint: config.AZURE_SEARCH_ENDPOINT,
          auth: auth(config.AZURE_SEARCH_KEY),
          index: config.AZURE_SEARCH_INDEX,
          semanticRanker: config.AZURE_SEARCH_SEMANTIC_RANKER,
          timeoutMs: config.AZURE_SEARCH_TIMEOUT_MS,
        }
      : null,
    openai: openAISettings(config),
    webPubSub: config.AZURE_WEB_PUBSUB_ENDPOINT
      ? { endpoint: config.AZURE_WEB_PUBSUB_ENDPOINT, hub: config.AZURE_WEB_PUBSUB_HUB, clientTokenMinutes: config.AZURE_WEB_PUBSUB_TOKEN_MINUTES }
      : null,
  };
}

function openAISettings(config: Config): OpenAISettings | null {
  if (!config.AZURE_OPENAI_ENDPOINT) {
    const orphan = (['AZURE_OPENAI_CHAT_DEPLOYMENT', 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT'] as const).find((name) => config[name]);
    if (orphan) throw new ConfigError(`invalid configuration:\n  ${orphan}: is set but AZURE_OPENAI_ENDPOINT is not; set both or neither`);
    return null;
  }
  if (!config.AZURE_OPENAI_CHAT_DEPLOYMENT) {
    throw new ConfigError('invalid configuration:\n  AZURE_OPENAI_CHAT_DEPLOYMENT: is required when AZURE_OPENAI_ENDPOINT is set (the chat model deployment name)');
  }
  return {
    endpoint: config.AZURE_OPENAI_ENDPOINT,
    auth: auth(config.AZURE_OPENAI_API_KEY),
    apiVersion: config.AZURE_OPENAI_API_VERSION,
    chatDeployment: config.AZURE_OPENAI_CHAT_DEPLOYMENT,
    embeddingDeployment: config.AZURE_OPENAI_EMBEDDING_DEPLOYMENT ?? null,
    embeddingDimensions: config.AZURE_OPENAI_EMBEDDING_DIMENSIONS,
    timeoutMs: config.AZURE_OPENAI_TIMEOUT_MS,
    shortlist: config.AZURE_OPENAI_SHORTLIST,
    generateQueries: config.AZURE_OPENAI_GENERATE_QUERIES,
  };
}

function auth(key: string | undefined): AzureAuth {
  return key ? { kind: 'key', key } : { kind: 'identity' };
}
