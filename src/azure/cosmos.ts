import type { TokenCredential } from '@azure/core-auth';
import { CosmosClient } from '@azure/cosmos';
import type { CosmosSettings } from './settings.js';
import type { AzureTransport } from './transport.js';

/** Throttling retries the SDK does itself, waiting what each 429's x-ms-retry-after-ms asks. */
const THROTTLE_RETRIES = 5;

export function createCosmosClient(settings: CosmosSettings, credential: () => TokenCredential, transport: AzureTransport = {}): CosmosClient {
  return new CosmosClient({
    endpoint: settings.endpoint,
    ...(settings.auth.kind === 'key' ? { key: settings.auth.key } : { aadCredentials: credential() }),
    ...(transport.httpsAgent ? { agent: transport.httpsAgent } : {}),
    connectionPolicy: {
      requestTimeout: settings.timeoutMs,
      // One region per account here; discovery would only add round trips.
      enableEndpointDiscovery: false,
      retryOptions: {
        maxRetryAttemptCount: THROTTLE_RETRIES,
        fixedRetryIntervalInMilliseconds: 0,
        maxWaitTimeInSeconds: Math.max(1, Math.ceil((settings.timeoutMs * 2) / 1000)),
      },
    },
  });
}
