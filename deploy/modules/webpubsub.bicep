// Azure Web PubSub carrying live events across the app's instances, with access keys disabled: the identity
// publishes and issues the pages' client tokens as "Web PubSub Service Owner"; pages connect with those tokens.
param name string
param location string
param tags object
@allowed(['Free_F1', 'Standard_S1', 'Premium_P1'])
param skuName string
@minValue(1)
param units int
param hubName string
param identityPrincipalId string

var webPubSubServiceOwner = '12cf5a90-567b-43ae-8102-96cf46c7d9b4'

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: skuName, capacity: units }
  properties: {
    disableLocalAuth: true
    disableAadAuth: false
    publicNetworkAccess: 'Enabled'
    tls: { clientCertEnabled: false }
  }
}

// No event handlers: the app only publishes to groups and pages only receive; nothing calls the app back.
resource hub 'Microsoft.SignalRService/webPubSub/hubs@2024-03-01' = {
  parent: webPubSub
  name: hubName
  properties: {
    anonymousConnectPolicy: 'deny'
    eventHandlers: []
  }
}

resource serviceOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: webPubSub
  name: guid(webPubSub.id, identityPrincipalId, webPubSubServiceOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', webPubSubServiceOwner)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output endpoint string = 'https://${webPubSub.properties.hostName}'
output hubName string = hub.name
