/**
 * The deployment policy the templates are checked against, with the reason for every exception.
 */

/**
 * Settings src/config.ts reads that the templates leave unset on purpose, so the code's default (or
 * nothing) applies on Azure.
 */
export const settingsNotSetOnAzure: Readonly<Record<string, string>> = {
  PORT: 'App Service sets it for the Node.js runtime',
  DATA_DIR: 'the embedded SQLite store is replaced by Cosmos DB',
  SQLITE_PATH: 'the embedded SQLite store is replaced by Cosmos DB',
  LIBRARY_SEED_FILE: 'the packaged demo library seeds an empty store',
  LIBRARY_RELOAD_SECONDS: 'the default (every 30 s) picks up library changes on every instance',
  KB_DIR: 'solutions come from Azure AI Search; `kb index` reads the folder on the operator\'s machine',
  BOT_OPENID_METADATA_URL: 'Microsoft\'s OpenID metadata is the default; the setting is for private clouds and tests',
  LOCAL_WEB_CHAT: 'the local Web Chat page stays off while authentication is on',
  AZURE_COSMOS_KEY: 'keyless: the managed identity signs in',
  AZURE_SEARCH_KEY: 'keyless: the managed identity signs in',
  AZURE_OPENAI_API_KEY: 'keyless: the managed identity signs in',
  ASSIST_API_KEY: 'on Azure the assist API takes Entra ID tokens (ASSIST_ENTRA_*), not a shared key',
  LIBRARY_MANAGER_ROLE: 'the default app role, IntentManager, is the one docs/deploy.md asks to define on the app registration',
  MCP_API_KEY: 'on Azure /mcp takes Entra ID tokens (MCP_ENTRA_*); for Copilot Studio\'s API-key option an operator adds the key as a Key Vault reference',
  MCP_ALLOWED_ORIGINS: 'no browser page calls /mcp on Azure; the PUBLIC_URL origin is always allowed',
  EVENTS_POLL_MS: 'events cross processes through the SQLite file only; on Azure they travel through Web PubSub',
  EVENTS_RETENTION_SECONDS: 'events cross processes through the SQLite file only; on Azure they travel through Web PubSub',
  AZURE_WEB_PUBSUB_TOKEN_MINUTES: 'the default (10 minutes) is how long a page may take to connect with its token',
  SHUTDOWN_GRACE_SECONDS: 'the default (20 s) lets requests in flight finish when an instance is stopped',
  MISSES_MAX: 'the default (50,000 misses) is what docs/discovery.md sizes; discover --misses runs where an operator runs it',
  MISSES_RETENTION_DAYS: 'the default (90 days) is what docs/discovery.md sizes; discover --misses runs where an operator runs it',
};

/** App settings that belong to App Service itself, not to src/config.ts. */
export function isPlatformSetting(name: string): boolean {
  return name.startsWith('WEBSITE_') || name.startsWith('SCM_');
}

/**
 * The day the templates' API versions were last reviewed against learn.microsoft.com's template
 * reference. The age check counts from this date, never from today, so the suite does not turn red
 * because the calendar moved: move this date forward when you review the versions again.
 */
export const apiVersionsReviewedOn = '2026-11-24';

/**
 * Resource types whose newest stable API version was older than two years on `apiVersionsReviewedOn`:
 * they are pinned to that newest version.
 */
export const newestStableApiVersion: Readonly<Record<string, string>> = {
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  'Microsoft.Insights/components': '2020-02-02',
  'Microsoft.Insights/autoscalesettings': '2022-10-01',
  'Microsoft.BotService/botServices': '2022-09-15',
  'Microsoft.BotService/botServices/channels': '2022-09-15',
  'Microsoft.SignalRService/webPubSub': '2024-03-01',
  'Microsoft.SignalRService/webPubSub/hubs': '2024-03-01',
};

/** Names that say a value is a credential. */
export const credentialName = /(^|_)(API_?)?KEY$|KEYS?$|SECRET|PASSWORD|CONNECTION_?STRING|TOKEN/i;

/** Expressions that read a credential from a resource. */
export const credentialExpression = /\blist\w*\(|\.ConnectionString\b|InstrumentationKey|primaryKey|secondaryKey|primaryMasterKey/i;

export const keyVaultReferencePrefix = '@Microsoft.KeyVault(';
