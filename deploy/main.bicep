// intent-skill on Azure: one module per resource kind, composed here. `azd up` or `az deployment group create`.
targetScope = 'resourceGroup'

@description('Name of the environment; a suffix of every resource name.')
@minLength(1)
@maxLength(40)
param environmentName string

@description('Region of every resource except the bot, which is global.')
param location string = resourceGroup().location

@description('Bot identity: SingleTenant (an app registration with a client secret) or UserAssignedMSI (the app\'s managed identity, no secret).')
@allowed(['SingleTenant', 'UserAssignedMSI'])
param botAppType string = 'SingleTenant'

@description('Application (client) id of the single-tenant app registration; ignored with UserAssignedMSI.')
param botAppId string = ''

@description('Entra tenant of the app registration.')
param botTenantId string = tenant().tenantId

@description('Name of the Key Vault secret holding the app registration\'s client secret (SingleTenant only).')
param botAppSecretName string = 'bot-app-secret'

@description('The client secret, stored in Key Vault by the deployment; leave empty to set the secret yourself after deployment.')
@secure()
param botAppSecret string = ''

@description('Bot Service pricing tier (F0 is free; S1 for premium channels).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Comma-separated app ids allowed to call the skill (the Copilot Studio agent\'s app id).')
param allowedCallers string = ''

@description('Teams app id of the package built by `intent-skill teams package`; empty uses the bot\'s app id.')
param teamsAppId string = ''

@description('Audience of the Entra ID v2.0 tokens the contact-center platform sends to the assist API (v2.0 tokens carry the API app\'s client id); empty uses the bot app id.')
param assistAudience string = ''

@description('Audience of the Entra ID tokens MCP hosts (Copilot Studio\'s OAuth 2.0 option) send to /mcp; empty uses the bot app id (the audience of v2.0 tokens for it).')
param mcpAudience string = ''

@description('App Service plan SKU; scale-out rules need Standard or Premium.')
param appServiceSku string = 'P0v3'

@description('Node.js LTS runtime of the web app.')
@allowed(['22-lts', '24-lts'])
param nodeVersion string = '22-lts'

@description('Instances the web app runs on at least.')
@minValue(1)
param minInstances int = 1

@description('Instances the CPU rule may scale out to.')
@minValue(1)
param maxInstances int = 3

@description('Cosmos DB capacity: serverless (pay per request) or autoscale provisioned throughput.')
@allowed(['serverless', 'autoscale'])
param cosmosThroughputMode string = 'serverless'

@description('Highest RU/s of the database with autoscale.')
param cosmosAutoscaleMaxThroughput int = 1000

@description('Seconds a conversation is kept after its last turn; 0 keeps conversations.')
param conversationTtlSeconds int = 2592000

@description('Azure AI Search pricing tier.')
param searchSku string = 'basic'

@description('Semantic ranker plan: disabled, free (limited queries a month) or standard.')
@allowed(['disabled', 'free', 'standard'])
param searchSemanticRanker string = 'disabled'

@description('Region of Azure OpenAI (model availability differs by region).')
param openAILocation string = location

@description('Chat model deployment: deployment name, model name and version, deployment SKU and capacity (thousands of tokens a minute).')
param chatModel object = {
  deployment: 'chat'
  name: 'gpt-4.1-mini'
  version: '2025-04-14'
  sku: 'GlobalStandard'
  capacity: 30
}

@description('Embedding model deployment, with the vector size the index is created with.')
param embeddingModel object = {
  deployment: 'embedding'
  name: 'text-embedding-3-small'
  version: '1'
  sku: 'GlobalStandard'
  capacity: 30
  dimensions: 1536
}

@description('Azure Web PubSub tier for live events across instances (Free_F1: 20 connections, no SLA; Standard_S1: 1,000 connections a unit).')
@allowed(['Free_F1', 'Standard_S1', 'Premium_P1'])
param webPubSubSku string = 'Standard_S1'

@description('Azure Web PubSub units (1 on Free_F1); docs/scale.md sizes them.')
@minValue(1)
param webPubSubUnits int = 1

@description('Id of the live intent library.')
param libraryId string = 'demo'

@description('Region for phone numbers given without a country code.')
param defaultPhoneRegion string = 'US'

@description('Log level of the service.')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('Days Log Analytics keeps logs and telemetry.')
param logRetentionInDays int = 30

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }
var usesAppSecret = botAppType == 'SingleTenant'
var keyVaultName = 'kv-${token}'
var cosmosDatabase = 'intent-skill'
var cosmosContainers = { libraries: 'libraries', conversations: 'conversations', botState: 'bot-state', insights: 'insights', misses: 'misses' }
var searchIndex = 'solutions'
var webPubSubHub = 'assist'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: 'id-${environmentName}-${token}', location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${environmentName}-${token}'
    appInsightsName: 'appi-${environmentName}-${token}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module web 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    planName: 'plan-${environmentName}-${token}'
    siteName: 'app-${environmentName}-${token}'
    location: location
    tags: tags
    skuName: appServiceSku
    nodeVersion: nodeVersion
    minInstances: minInstances
    maxInstances: maxInstances
    identityId: identity.outputs.id
    azdServiceName: 'app'
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: 'cosmos-${token}'
    location: location
    tags: tags
    throughputMode: cosmosThroughputMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    databaseName: cosmosDatabase
    librariesContainer: cosmosContainers.libraries
    conversationsContainer: cosmosContainers.conversations
    botStateContainer: cosmosContainers.botState
    insightsContainer: cosmosContainers.insights
    missesContainer: cosmosContainers.misses
    identityPrincipalId: identity.outputs.principalId
  }
}

module search 'modules/search.bicep' = {
  name: 'search'
  params: {
    name: 'srch-${token}'
    location: location
    tags: tags
    skuName: searchSku
    semanticSearch: searchSemanticRanker
    identityPrincipalId: identity.outputs.principalId
  }
}

module openai 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    name: 'oai-${token}'
    location: openAILocation
    tags: tags
    chatModel: chatModel
    embeddingModel: embeddingModel
    identityPrincipalId: identity.outputs.principalId
  }
}

module webPubSub 'modules/webpubsub.bicep' = {
  name: 'webpubsub'
  params: {
    name: 'wps-${token}'
    location: location
    tags: tags
    skuName: webPubSubSku
    units: webPubSubUnits
    hubName: webPubSubHub
    identityPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = if (usesAppSecret) {
  name: 'keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    secretName: botAppSecretName
    secretValue: botAppSecret
    identityPrincipalId: identity.outputs.principalId
  }
}

var botAppIdResolved = usesAppSecret ? botAppId : identity.outputs.clientId
var publicUrl = 'https://${web.outputs.defaultHostName}'

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${environmentName}-${token}'
    tags: tags
    skuName: botSku
    endpoint: '${publicUrl}/api/messages'
    appType: botAppType
    appId: botAppIdResolved
    tenantId: botTenantId
    identityId: identity.outputs.id
  }
}

// Exactly the settings src/config.ts reads that differ from its defaults or depend on this deployment;
// test/deploy/ checks them against configSchema.
var appSettings = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  LOG_LEVEL: logLevel
  LIBRARY_ID: libraryId
  DEFAULT_PHONE_REGION: defaultPhoneRegion
  MicrosoftAppId: botAppIdResolved
  MicrosoftAppType: botAppType
  MicrosoftAppTenantId: botTenantId
  MicrosoftAppPassword: usesAppSecret ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${botAppSecretName})' : ''
  ALLOWED_CALLERS: allowedCallers
  PUBLIC_URL: publicUrl
  TEAMS_APP_ID: teamsAppId
  ASSIST_ENTRA_ISSUER: '${environment().authentication.loginEndpoint}${botTenantId}/v2.0'
  ASSIST_ENTRA_AUDIENCE: empty(assistAudience) ? botAppIdResolved : assistAudience
  ASSIST_ENTRA_JWKS_URL: '${environment().authentication.loginEndpoint}${botTenantId}/discovery/v2.0/keys'
  MCP_ENTRA_ISSUER: '${environment().authentication.loginEndpoint}${botTenantId}/v2.0'
  MCP_ENTRA_AUDIENCE: empty(mcpAudience) ? botAppIdResolved : mcpAudience
  MCP_ENTRA_JWKS_URL: '${environment().authentication.loginEndpoint}${botTenantId}/discovery/v2.0/keys'
  AZURE_CLIENT_ID: identity.outputs.clientId
  AZURE_COSMOS_ENDPOINT: cosmos.outputs.endpoint
  AZURE_COSMOS_DATABASE: cosmosDatabase
  AZURE_COSMOS_LIBRARIES_CONTAINER: cosmosContainers.libraries
  AZURE_COSMOS_CONVERSATIONS_CONTAINER: cosmosContainers.conversations
  AZURE_COSMOS_BOT_STATE_CONTAINER: cosmosContainers.botState
  AZURE_COSMOS_INSIGHTS_CONTAINER: cosmosContainers.insights
  INSIGHTS_ROLLUP_MINUTES: '15'
  INSIGHTS_QUIET_MINUTES: '30'
  AZURE_COSMOS_MISSES_CONTAINER: cosmosContainers.misses
  AZURE_COSMOS_CONVERSATION_TTL_SECONDS: string(conversationTtlSeconds)
  AZURE_COSMOS_TIMEOUT_MS: '3000'
  AZURE_SEARCH_ENDPOINT: search.outputs.endpoint
  AZURE_SEARCH_INDEX: searchIndex
  AZURE_SEARCH_SEMANTIC_RANKER: searchSemanticRanker == 'disabled' ? 'false' : 'true'
  AZURE_SEARCH_TIMEOUT_MS: '1800'
  AZURE_OPENAI_ENDPOINT: openai.outputs.endpoint
  AZURE_OPENAI_API_VERSION: '2024-10-21'
  AZURE_OPENAI_CHAT_DEPLOYMENT: openai.outputs.chatDeployment
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: openai.outputs.embeddingDeployment
  AZURE_OPENAI_EMBEDDING_DIMENSIONS: string(embeddingModel.dimensions)
  AZURE_OPENAI_TIMEOUT_MS: '2500'
  AZURE_OPENAI_SHORTLIST: '5'
  AZURE_OPENAI_GENERATE_QUERIES: 'false'
  AZURE_WEB_PUBSUB_ENDPOINT: webPubSub.outputs.endpoint
  AZURE_WEB_PUBSUB_HUB: webPubSub.outputs.hubName
}

module settings 'modules/appsettings.bicep' = {
  name: 'appsettings'
  dependsOn: [keyVault, bot]
  params: {
    siteName: web.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    settings: appSettings
  }
}

@description('The messaging endpoint (Bot Framework and skill calls).')
output SKILL_ENDPOINT string = '${publicUrl}/api/messages'
@description('The skill manifest URL to give Copilot Studio.')
output SKILL_MANIFEST_URL string = '${publicUrl}/manifests/skill-manifest.json'
@description('The public origin of the service: the Teams package\'s valid domain and the app registration\'s Home page URL.')
output PUBLIC_URL string = publicUrl
@description('The bot\'s app id: the skill\'s app id in Copilot Studio and the Teams app\'s bot id.')
output BOT_APP_ID string = botAppIdResolved
output BOT_TENANT_ID string = botTenantId
output BOT_NAME string = bot.outputs.name
output WEB_APP_NAME string = web.outputs.name
output KEY_VAULT_NAME string = usesAppSecret ? keyVaultName : ''
output AZURE_CLIENT_ID string = identity.outputs.clientId
output AZURE_COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint
output AZURE_SEARCH_NAME string = search.outputs.name
output AZURE_OPENAI_ENDPOINT string = openai.outputs.endpoint
output AZURE_OPENAI_CHAT_DEPLOYMENT string = openai.outputs.chatDeployment
output AZURE_OPENAI_EMBEDDING_DEPLOYMENT string = openai.outputs.embeddingDeployment
output AZURE_WEB_PUBSUB_ENDPOINT string = webPubSub.outputs.endpoint
