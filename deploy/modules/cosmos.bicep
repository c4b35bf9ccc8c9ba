// Cosmos DB for NoSQL: the database and the five containers the app reads (partitioned by /id, as
// src/stores/cosmos expects), local auth off, and the data-plane contributor role for the identity.
param accountName string
param location string
param tags object
@allowed(['serverless', 'autoscale'])
param throughputMode string
param autoscaleMaxThroughput int
param databaseName string
param librariesContainer string
param conversationsContainer string
param botStateContainer string
param insightsContainer string
param missesContainer string
param identityPrincipalId string

var builtInDataContributor = '00000000-0000-0000-0000-000000000002'
// conversations carries a per-item ttl, so the container's time-to-live is on with no default (-1).
var containers = [
  { name: librariesContainer, defaultTtl: null }
  { name: conversationsContainer, defaultTtl: -1 }
  { name: botStateContainer, defaultTtl: null }
  { name: insightsContainer, defaultTtl: null }
  // misses are dropped by the service itself (MISSES_MAX, MISSES_RETENTION_DAYS), oldest first.
  { name: missesContainer, defaultTtl: null }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: throughputMode == 'serverless' ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: throughputMode == 'autoscale' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = [for spec in containers: {
  parent: database
  name: spec.name
  properties: {
    resource: union(
      { id: spec.name, partitionKey: { paths: ['/id'], kind: 'Hash', version: 2 } },
      spec.defaultTtl == null ? {} : { defaultTtl: spec.defaultTtl }
    )
  }
}]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {
  parent: account
  name: guid(account.id, identityPrincipalId, builtInDataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${builtInDataContributor}'
    principalId: identityPrincipalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output name string = account.name
