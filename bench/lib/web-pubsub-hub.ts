import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { packageRoot } from '../../src/config.js';
import { LOCAL_IDENTITY_HEADER } from '../../test/azure/peers/identity-peer.js';
import { SUBPROTOCOL } from '../../test/azure/peers/web-pubsub-peer.js';
import type { StreamedEvent } from './event-stream.js';

export interface BenchHub {
  /** What a `serve` process needs to publish through the hub, keyless through the local identity endpoint. */
  env: Record<string, string>;
  /** Follows a conversation as its page does: asks `origin` for the subscription, connects to the hub; resolves once connected. */
  followPage(origin: string, conversationId: string, key: string, signal: AbortSignal, onEvent: (event: StreamedEvent) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * The tests' local Web PubSub peer and identity endpoint on loopback, in a process of their own
 * (web-pubsub-hub-process.ts), their certificate trusted through `dir`/ca.pem.
 */
export async function startHub(dir: string): Promise<BenchHub> {
  const ca = path.join(dir, 'ca.pem');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(packageRoot, 'bench', 'lib', 'web-pubsub-hub-process.ts'), ca], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const endpoints = JSON.parse(line) as { hub: string; identity: string };
  const agent = new https.Agent({ ca: readFileSync(ca, 'utf8'), keepAlive: true });
  return {
    env: { NODE_EXTRA_CA_CERTS: ca, AZURE_WEB_PUBSUB_ENDPOINT: endpoints.hub, IDENTITY_ENDPOINT: endpoints.identity, IDENTITY_HEADER: LOCAL_IDENTITY_HEADER },
    async followPage(origin, conversationId, key, signal, onEvent) {
      const response = await fetch(`${origin}/api/conversations/${conversationId}/subscription`, { headers: { authorization: `Bearer ${key}` } });
      const subscription = (await response.json()) as { transport: string; url: string; group: string };
      if (subscription.transport !== 'webpubsub') throw new Error(`subscription for ${conversationId}: ${JSON.stringify(subscription)}`);
      const socket = new WebSocket(subscription.url, SUBPROTOCOL, { agent });
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
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
