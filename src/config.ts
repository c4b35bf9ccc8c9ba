import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { problemsOf } from './text/issues.js';

/** The package root, so defaults work from any working directory (src/ under tsx, dist/ when built). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the service reads, with its default. `.env.example` documents each;
 * the deployment templates set exactly these.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  DATA_DIR: z.string().min(1).default('data'),
  SQLITE_PATH: z.string().min(1).optional(),
  LIBRARY_ID: z.string().min(1).default('demo'),
  LIBRARY_SEED_FILE: z.string().min(1).default(path.join(packageRoot, 'samples', 'library.json')),
  LIBRARY_RELOAD_SECONDS: z.coerce.number().int().min(0).max(86400).default(30),
  KB_DIR: z.string().min(1).default(path.join(packageRoot, 'samples', 'kb')),
  DEFAULT_PHONE_REGION: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter region code such as "US"').default('US'),
  // Bot Framework, under the names botbuilder reads; src/bot/auth.ts checks how they combine.
  MicrosoftAppId: z.guid('must be the app registration id (a GUID)').optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.guid('must be the Entra tenant id (a GUID)').optional(),
  ALLOWED_CALLERS: z
    .string()
    .transform((list) => list.split(',').map((id) => id.trim()).filter((id) => id !== ''))
    .pipe(z.array(z.union([z.literal('*'), z.guid('each entry must be an app id (a GUID) or "*"')])))
    .default([]),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be the public http(s) origin of the service, such as https://intent.example.com' }).optional(),
  BOT_OPENID_METADATA_URL: z.url().optional(),
  LOCAL_WEB_CHAT: z.stringbool().optional(),
  TEAMS_APP_ID: z.guid('must be a GUID').optional(),
  // Azure: each part is used when its endpoint is set; without a key, DefaultAzureCredential. src/azure/settings.ts checks how they combine.
  AZURE_CLIENT_ID: z.guid('must be the client id of a user-assigned managed identity (a GUID)').optional(),
  AZURE_COSMOS_ENDPOINT: z.url({ protocol: /^https$/, error: 'must be the https endpoint of a Cosmos DB account' }).optional(),
  AZURE_COSMOS_KEY: z.string().optional(),
  AZURE_COSMOS_DATABASE: z.string().min(1).default('intent-skill'),
  AZURE_COSMOS_LIBRARIES_CONTAINER: z.string().min(1).default('libraries'),
  AZURE_COSMOS_CONVERSATIONS_CONTAINER: z.string().min(1).default('conversations'),
  AZURE_COSMOS_BOT_STATE_CONTAINER: z.string().min(1).default('bot-state'),
  AZURE_COSMOS_INSIGHTS_CONTAINER: z.string().min(1).default('insights'),
  AZURE_COSMOS_MISSES_CONTAINER: z.string().min(1).default('misses'),
  AZURE_COSMOS_CONVERSATION_TTL_SECONDS: z.coerce.number().int().min(0).default(2_592_000),
  AZURE_COSMOS_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  AZURE_WEB_PUBSUB_ENDPOINT: z.url({ protocol: /^https$/, error: 'must be the https endpoint of an Azure Web PubSub resource' }).optional(),
  AZURE_WEB_PUBSUB_HUB: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,127}$/, 'must be a hub name: a letter, then letters, digits and underscores (at most 128)')
    .default('assist'),
  AZURE_WEB_PUBSUB_TOKEN_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  AZURE_SEARCH_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be the endpoint of an Azure AI Search service' }).optional(),
  AZURE_SEARCH_KEY: z.string().optional(),
  AZURE_SEARCH_INDEX: z.string().regex(/^[a-z0-9][a-z0-9-]{1,127}$/, 'must be an index name: lower-case letters, digits and dashes').default('solutions'),
  AZURE_SEARCH_SEMANTIC_RANKER: z.stringbool().default(false),
  AZURE_SEARCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(1800),
  AZURE_OPENAI_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be the endpoint of an Azure OpenAI resource' }).optional(),
  AZURE_OPENAI_API_KEY: z.string().optional(),
  AZURE_OPENAI_API_VERSION: z.string().min(1).default('2024-10-21'),
  AZURE_OPENAI_CHAT_DEPLOYMENT: z.string().min(1).optional(),
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: z.string().min(1).optional(),
  AZURE_OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(4096).default(1536),
  AZURE_OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).default(2500),
  AZURE_OPENAI_SHORTLIST: z.coerce.number().int().min(1).max(20).default(5),
  AZURE_OPENAI_GENERATE_QUERIES: z.stringbool().default(false),
  // Assisted-service API (src/assist/auth.ts): an API key, Entra ID bearer tokens, or both; neither turns authentication off.
  ASSIST_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  ASSIST_ENTRA_ISSUER: z.url({ protocol: /^https?$/, error: 'must be the token issuer, such as https://login.microsoftonline.com/<tenant>/v2.0' }).optional(),
  ASSIST_ENTRA_AUDIENCE: z.string().min(1).optional(),
  ASSIST_ENTRA_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be the JWKS address, such as https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys' }).optional(),
  // The library review page (/library) takes the assist API's callers; with Entra ID tokens, changing the library needs this app role.
  LIBRARY_MANAGER_ROLE: z.string().min(1).default('IntentManager'),
  // MCP tools at /mcp (src/server/mcp-routes.ts): an API key, Entra ID bearer tokens, or both; neither leaves /mcp open.
  MCP_API_KEY: z.string().min(16, 'must be at least 16 characters (Copilot Studio sends it as "Authorization: Bearer <key>" or x-api-key)').optional(),
  MCP_ENTRA_ISSUER: z.url({ protocol: /^https?$/, error: 'must be the token issuer, such as https://login.microsoftonline.com/<tenant>/v2.0' }).optional(),
  MCP_ENTRA_AUDIENCE: z.string().min(1).optional(),
  MCP_ENTRA_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be the JWKS address, such as https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys' }).optional(),
  MCP_ALLOWED_ORIGINS: z
    .string()
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each entry must be an origin such as https://copilotstudio.microsoft.com' }).transform((url) => new URL(url).origin)))
    .default([]),
  // Live events (src/assist/events.ts): across the processes sharing SQLITE_PATH, each one looks for the others' events this often.
  EVENTS_POLL_MS: z.coerce.number().int().min(5).max(5000).default(50),
  EVENTS_RETENTION_SECONDS: z.coerce.number().int().min(10).max(86400).default(300),
  // Insights (docs/insights.md): minutes between scheduled roll-ups (0: none, run `intent-skill insights rollup`), and the
  // minutes without a turn after which a conversation still in self-service counts as contained.
  INSIGHTS_ROLLUP_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  INSIGHTS_QUIET_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  // Misses (docs/discovery.md, "Misses"): customer turns self-service did not understand, kept masked for
  // `intent-skill discover --misses`; at most this many (the oldest dropped first, with a log line), for this many days.
  MISSES_MAX: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
  MISSES_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // On SIGTERM: how long requests in flight may take to finish before the process exits anyway.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(20),
  // Telemetry through OpenTelemetry to Application Insights; off when unset (src/telemetry.ts).
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().min(1).optional(),
});

export type RawConfig = z.output<typeof configSchema>;

export interface Config extends RawConfig {
  sqlitePath: string;
  /** MISSES_MAX and MISSES_RETENTION_DAYS, as the miss stores take them. */
  missLimits: { max: number; retentionDays: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = problemsOf(parsed.error.issues).map((problem) => `${problem.path}: ${problem.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const raw = parsed.data;
  return {
    ...raw,
    sqlitePath: raw.SQLITE_PATH ?? path.join(raw.DATA_DIR, 'intent-skill.db'),
    missLimits: { max: raw.MISSES_MAX, retentionDays: raw.MISSES_RETENTION_DAYS },
  };
}
