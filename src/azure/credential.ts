import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import type { AzureSettings } from './settings.js';

/**
 * The one credential every keyless client shares: a user-assigned managed identity when AZURE_CLIENT_ID
 * is set, else whatever DefaultAzureCredential finds (the App Service identity, a developer's login).
 */
export function createCredential(settings: Pick<AzureSettings, 'managedIdentityClientId'>): TokenCredential {
  return settings.managedIdentityClientId
    ? new DefaultAzureCredential({ managedIdentityClientId: settings.managedIdentityClientId })
    : new DefaultAzureCredential();
}
