// The web app's settings, written after the site exists so they can hold its own host name.
param siteName string
param appInsightsName string
param settings object

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: siteName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, {
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  })
}
