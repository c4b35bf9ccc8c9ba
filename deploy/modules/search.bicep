// Azure AI Search with API keys disabled; the identity may query the indexes.
param name string
param location string
param tags object
param skuName string
@allowed(['disabled', 'free', 'standard'])
param semanticSearch string
param identityPrincipalId string

var searchIndexDataReader = '1407120a-92aa-4202-b7e9-c0e197c71c8f'

resource search 'Microsoft.Search/searchServices@2025-05-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: skuName }
  properties: {
    replicaCount: 1
    partitionCount: 1
    hostingMode: 'default'
    disableLocalAuth: true
    semanticSearch: semanticSearch
  }
}

resource indexReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: search
  name: guid(search.id, identityPrincipalId, searchIndexDataReader)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', searchIndexDataReader)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output endpoint string = 'https://${search.name}.search.windows.net'
output name string = search.name
