// Key Vault holding only the bot's client secret (single-tenant app registration); the identity reads it
// for the app setting's Key Vault reference.
param name string
param location string
param tags object
param secretName string
@secure()
param secretValue string
param identityPrincipalId string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

// Without a value here the operator sets the secret after deployment (docs/deploy.md).
resource secret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(secretValue)) {
  parent: vault
  name: secretName
  properties: { value: secretValue }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identityPrincipalId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
