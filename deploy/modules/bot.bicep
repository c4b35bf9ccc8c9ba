// Azure Bot registration (global) pointing at the web app, with the Teams, Web Chat and Direct Line channels.
param name string
param tags object
param skuName string
param endpoint string
@allowed(['SingleTenant', 'UserAssignedMSI'])
param appType string
param appId string
param tenantId string
param identityId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: skuName }
  properties: {
    displayName: name
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [{ siteName: 'Default Site', isEnabled: true, isWebchatPreviewEnabled: true }]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [{ siteName: 'Default Site', isEnabled: true, isV1Enabled: false, isV3Enabled: true }]
    }
  }
}

output name string = bot.name
