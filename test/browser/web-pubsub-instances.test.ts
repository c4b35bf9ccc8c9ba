import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { API_KEY, call, message, newConversationId } from '../assist/helpers.js';
import { readEvents } from '../assist/sse.js';
import { deployDatabase } from '../azure/cosmos-helpers.js';
import { testCertificate } from '../azure/peers/certificate.js';
import { LOCAL_COSMOS_KEY, startCosmosPeer, type CosmosPeer } from '../azure/peers/cosmos-peer.js';
import { LOCAL_IDENTITY_HEADER, startIdentityPeer, type IdentityPeer } from '../azure/peers/identity-peer.js';
import { startWebPubSubPeer, WEB_PUBSUB_AUDIENCE, type WebPubSubPeer } from '../azure/peers/web-pubsub-peer.js';
import { RoundRobinProxy } from '../server/round-robin-proxy.js';
import { startServeInstance, type ServeInstance } from '../server/serve-process.js';
import { launchChromium } from './helpers/chromium.js';

interface GroupMessage {
  group: string;
  messageId: string | undefined;
  conversationId: string;
}

describe('three instances on Cosmos DB and Azure Web PubSub: a page on one sees what the others took', function () {
  this.timeout(240_000);
  let dir: string;
  let cosmos: CosmosPeer;
  let identity: IdentityPeer;
  let hub: WebPubSubPeer;
  let instances: ServeInstance[] = [];
  let proxy: RoundRobinProxy;
  let front: string;
  let browser: Browser;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'intent-skill-web-pubsub-'));
    [cosmos, identity] = await Promise.all([startCosmosPeer(), startIdentityPeer()]);
    hub = await startWebPubSubPeer({ bearerToken: identity.tokenFor(WEB_PUBSUB_AUDIENCE) });
    const database = await deployDatabase(cosmos);
    const ca = path.join(dir, 'ca.pem');
    await writeFile(ca, (await testCertificate()).cert);
    const env = {
      DATA_DIR: dir,
      ASSIST_API_KEY: API_KEY,
      NODE_EXTRA_CA_CERTS: ca,
      AZURE_COSMOS_ENDPOINT: cosmos.endpoint,
      AZURE_COSMOS_KEY: LOCAL_COSMOS_KEY,
      AZURE_COSMOS_DATABASE: database,
      AZURE_WEB_PUBSUB_ENDPOINT: hub.endpoint,
      // App Service's managed identity: Web PubSub is reached with its tokens, never a key.
      IDENTITY_ENDPOINT: identity.endpoint,
      IDENTITY_HEADER: LOCAL_IDENTITY_HEADER,
    };
    // The first one seeds the library, so they do not race for it.
    instances = [await startServeInstance(env)];
    instances.push(...(await Promise.all([startServeInstance(env), startServeInstance(env)])));
    proxy = new RoundRobinProxy(instances.map((instance) => instance.origin));
    front = await proxy.listen();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await proxy?.close();
    await Promise.all(instances.map((instance) => instance.serve.stop()));
    await Promise.all([hub?.close(), identity?.close(), cosmos?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  /** The assist page of `conversationId` served by `origin`, with the group messages its WebSocket receives. */
  async function openPage(origin: string, conversationId: string): Promise<{ page: Page; received: GroupMessage[] }> {
    // The peer's certificate is self-signed; the page's socket goes to it directly, as it would to the service.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const received: GroupMessage[] = [];
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        const frame = JSON.parse(String(payload)) as { type: string; group?: string; data?: { cause: { messageId?: string }; view: { conversationId: string } } };
        if (frame.type === 'message' && frame.data) {
          received.push({ group: frame.group ?? '', messageId: frame.data.cause.messageId, conversationId: frame.data.view.conversationId });
        }
      }),
    );
    await page.goto(`${origin}/assist/${encodeURIComponent(conversationId)}#token=${API_KEY}`);
    await page.getByText('Live', { exact: true }).waitFor();
    return { page, received };
  }

  const post = (origin: string, id: string, messageId: string, text: string) =>
    call(origin, 'POST', `/api/conversations/${encodeURIComponent(id)}/messages`, message(messageId, 'customer', text));

  it("a page on A sees the messages posted to B and C in order, an SSE stream on C sees them too, and a page for Y never gets X's", async () => {
    const [a, b, c] = instances as [ServeInstance, ServeInstance, ServeInstance];
    const x = newConversationId('x');
    const y = newConversationId('y');
    const subscription = await call(a.origin, 'GET', `/api/conversations/${encodeURIComponent(x)}/subscription`);
    const given = subscription.body as unknown as { transport: string; url: string };
    assert.equal(subscription.status, 200);
    assert.equal(given.transport, 'webpubsub');
    assert.ok(given.url.startsWith(`${hub.endpoint.replace('https', 'wss')}/client/hubs/assist?access_token=`));

    const onX = await openPage(a.origin, x);
    const onY = await openPage(b.origin, y);
    const stream = readEvents(c.origin, x, API_KEY);
    assert.equal(await stream.opened, 200);

    const ids = ['x1', 'x2', 'x3', 'x4'];
    for (const [n, messageId] of ids.entries()) {
      assert.equal((await post(n % 2 === 0 ? b.origin : c.origin, x, messageId, `my parcel has not arrived (${messageId})`)).status, 201);
      if (n === 1) assert.equal((await post(c.origin, y, 'y1', 'I want to close my account')).status, 201);
    }
    await onX.page.locator('#turns', { hasText: '(x4)' }).waitFor();
    await onY.page.locator('#turns', { hasText: 'close my account' }).waitFor();

    assert.deepEqual(onX.received.map((m) => m.messageId), ids, 'page X got every message in order');
    assert.deepEqual(new Set(onX.received.map((m) => m.conversationId)), new Set([x]));
    assert.deepEqual(onY.received.map((m) => [m.conversationId, m.messageId]), [[y, 'y1']], "page Y got none of X's events");
    assert.equal(await onY.page.locator('#turns', { hasText: 'parcel' }).count(), 0);
    const seen: Array<string | undefined> = [];
    while (seen.length < ids.length) seen.push((await stream.next(() => true)).cause.messageId);
    stream.close();
    assert.deepEqual(seen, ids, 'the SSE stream on C got them in order too');
    assert.equal(hub.connections.filter((connection) => connection.roles.includes('webpubsub.joinLeaveGroup')).length, 1, 'only C joined for a stream');
  });

  it('behind the round-robin proxy, the page subscribes through the hub and follows every instance', async () => {
    const z = newConversationId('z');
    const onZ = await openPage(front, z);
    const before = proxy.handledBy.length;
    const ids = ['z1', 'z2', 'z3'];
    for (const messageId of ids) assert.equal((await post(front, z, messageId, `my card was charged twice (${messageId})`)).status, 201);
    assert.equal(new Set(proxy.handledBy.slice(before)).size, 3, 'the page and the posts went to all three instances');
    await onZ.page.locator('#turns', { hasText: '(z3)' }).waitFor();
    assert.deepEqual(onZ.received.map((m) => m.messageId), ids);
  });
});
