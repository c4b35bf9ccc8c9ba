import type { TokenCredential } from '@azure/core-auth';
import { WebPubSubServiceClient } from '@azure/web-pubsub';
import WebSocket from 'ws';
import type { WebPubSubSettings } from './settings.js';
import type { AzureTransport } from './transport.js';

/** The subprotocol of a PubSub WebSocket client: it joins and leaves groups itself and gets group messages as JSON frames. */
export const WEB_PUBSUB_SUBPROTOCOL = 'json.webpubsub.azure.v1';

export interface WebPubSubClients {
  /** The hub's REST API (send to a group, client access tokens), keyless through the shared credential. */
  service: WebPubSubServiceClient;
  /** Opens a PubSub WebSocket client connection to a client access URL. */
  connect(url: string): WebSocket;
}

export function createWebPubSubClients(settings: WebPubSubSettings, credential: () => TokenCredential, transport: AzureTransport = {}): WebPubSubClients {
  const service = new WebPubSubServiceClient(settings.endpoint, credential(), settings.hub, {
    // A publish waits for this before the change's POST is answered: retries start short.
    retryOptions: { maxRetries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1000 },
    ...(transport.httpsAgent ? { agent: transport.httpsAgent } : {}),
  });
  return {
    service,
    connect: (url) => new WebSocket(url, WEB_PUBSUB_SUBPROTOCOL, transport.httpsAgent ? { agent: transport.httpsAgent } : {}),
  };
}
