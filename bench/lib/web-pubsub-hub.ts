import { writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { testCertificate } from '../../test/azure/peers/certificate.js';
import { LOCAL_IDENTITY_HEADER, startIdentityPeer } from '../../test/azure/peers/identity-peer.js';
import { startWebPubSubPeer, SUBPROTOCOL, WEB_PUBSUB_AUDIENCE } from '../../test/azure/peers/web-pubsub-peer.js';
import type { StreamedEvent } from './event-stream.js';

export interface BenchHub {
  /** What a `serve` process needs to publish through the hub, keyless through the local identity endpoint. */
  env: Record<string, string>;
  /** Follows a conversation as its page does: asks `origin` for the subscription, connects to the hub; resolves once connected. */
  followPage(origin: string, conversationId: string, key: string, signal: AbortSignal, onEvent: (event: StreamedEvent) => void): Promise<void>;
  close(): Promise<void>;
}

/** The tests' local Web PubSub peer and identity endpoint on loopback, for benches; its certificate trusted through `dir`/ca.pem. */
export async function startHub(dir: string): Promise<BenchHub> {
  const identity = await startIdentityPeer();
  const hub = await startWebPubSubPeer({ bearerToken: identity.tokenFor(WEB_PUBSUB_AUDIENCE) });
  const certificate = await testCertificate();
  const ca = path.join(dir, 'ca.pem');
  writeFileSync(ca, certificate.cert);
  return {
    env: { NODE_EXTRA_CA_CERTS: ca, AZURE_WEB_PUBSUB_ENDPOINT: hub.endpoint, IDENTITY_ENDPOINT: identity.endpoint, IDENTITY_HEADER: LOCAL_IDENTITY_HEADER },
    async followPage(origin, conversationId, key, signal, onEvent) {
      const response = await fetch(`${origin}/api/conversations/${conversationId}/subscription`, { headers: { authorization: `Bearer ${key}` } });
      const subscription = (await response.json()) as { transport: string; url: string; group: string };
      if (subscription.transport !== 'webpubsub') throw new Error(`subscription for ${conversationId}: ${JSON.stringify(subscription)}`);
      const socket = new WebSocket(subscription.url, SUBPROTOCOL, { agent: certificate.agent });
      signal.addEventListener('abort', () => socket.close());
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.on('message', (data) => {
          const frame = JSON.parse(String(data)) as { type: string; event?: string; group?: string; data?: StreamedEvent };
          if (frame.type === 'system' && frame.event === 'connected') resolve();
          if (frame.type === 'message' && frame.group === subscription.group && frame.data) onEvent(frame.data);
        });
      });
    },
    close: async () => {
      await hub.close();
      await identity.close();
    },
  };
}
