import assert from 'node:assert/strict';
import { once } from 'node:events';
import WebSocket from 'ws';
import type { AssistEvent } from '../../src/assist/events.js';
import type { AzureClients } from '../../src/azure/clients.js';
import { conversationGroup, WebPubSubEventBus } from '../../src/stores/web-pubsub/event-bus.js';
import { azureConfig, clientsFor } from './azure-helpers.js';
import { testCertificate } from './peers/certificate.js';
import { sharedIdentityPeer, useIdentityPeer, type IdentityPeer } from './peers/identity-peer.js';
import { startWebPubSubPeer, SUBPROTOCOL, WEB_PUBSUB_AUDIENCE, type WebPubSubPeer } from './peers/web-pubsub-peer.js';

const HUB = 'assist';

function event(conversationId: string, messageId: string): AssistEvent {
  return { cause: { kind: 'message', messageId }, view: { conversationId, updatedAt: new Date(0).toISOString() } as AssistEvent['view'] };
}

interface Frame {
  type: string;
  event?: string;
  group?: string;
  ackId?: number;
  success?: boolean;
  error?: { name: string };
  data?: AssistEvent;
}

/** A PubSub WebSocket client as the page opens one; its frames as they come. */
async function pageClient(url: string): Promise<{ socket: WebSocket; frames: Frame[]; next(match: (frame: Frame) => boolean): Promise<Frame> }> {
  const socket = new WebSocket(url, SUBPROTOCOL, { agent: (await testCertificate()).agent });
  const frames: Frame[] = [];
  const waiters: Array<{ match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }> = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    frames.push(frame);
    const index = waiters.findIndex((waiter) => waiter.match(frame));
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(frame);
  });
  return {
    socket,
    frames,
    next: (match) => {
      const found = frames.find(match);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

/** The status a connection attempt is refused with, or 101 when it is taken. */
async function connectStatus(url: string): Promise<number> {
  const socket = new WebSocket(url, SUBPROTOCOL, { agent: (await testCertificate()).agent });
  const status = await new Promise<number>((resolve) => {
    socket.once('open', () => resolve(101));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
  socket.terminate();
  return status;
}

describe('live events through Azure Web PubSub (a local wire-level peer)', function () {
  this.timeout(60_000);
  let identity: IdentityPeer;
  let hub: WebPubSubPeer;
  let clients: AzureClients;
  let instanceA: WebPubSubEventBus;
  let instanceB: WebPubSubEventBus;
  let restoreEnvironment: () => void = () => undefined;

  before(async () => {
    identity = await sharedIdentityPeer();
    hub = await startWebPubSubPeer({ bearerToken: identity.tokenFor(WEB_PUBSUB_AUDIENCE) });
    restoreEnvironment = useIdentityPeer(identity);
    clients = await clientsFor(azureConfig({ AZURE_WEB_PUBSUB_ENDPOINT: hub.endpoint, AZURE_WEB_PUBSUB_HUB: HUB }));
    const parts = clients.webPubSub!.clients;
    const bus = () => new WebPubSubEventBus({ service: parts.service, connect: parts.connect, pageTokenMinutes: 10, reconnectMs: 50 });
    instanceA = bus();
    instanceB = bus();
  });
  after(async () => {
    await Promise.all([instanceA?.close(), instanceB?.close()]);
    clients?.close();
    restoreEnvironment();
    await hub?.close();
  });

  it("a stream on one instance gets another instance's events of its conversation, in order, and none of another's", async () => {
    const received: string[] = [];
    const stop = instanceA.subscribe('conv-x', (e) => received.push(`${e.view.conversationId}/${e.cause.kind === 'message' ? e.cause.messageId : ''}`));
    await instanceA.ready('conv-x');
    for (const [id, messageId] of [['conv-x', 'x1'], ['conv-y', 'y1'], ['conv-x', 'x2'], ['conv-x', 'x3'], ['conv-x', 'x4']] as const) {
      await instanceB.publish(id, event(id, messageId));
    }
    while (received.length < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    stop();
    assert.deepEqual(received, ['conv-x/x1', 'conv-x/x2', 'conv-x/x3', 'conv-x/x4']);
    assert.ok(identity.issued.some((token) => token.resource === WEB_PUBSUB_AUDIENCE), 'the REST calls carry a token from the identity endpoint, no key');
    assert.deepEqual(
      hub.connections.map((c) => c.roles),
      [['webpubsub.joinLeaveGroup']],
      'instance A holds one connection to the hub',
    );
  });

  it("an instance whose connection to the hub drops opens it again and rejoins its streams' groups", async () => {
    const received: string[] = [];
    const stop = instanceA.subscribe('conv-drop', (e) => received.push(e.cause.kind === 'message' ? (e.cause.messageId ?? '') : ''));
    await instanceA.ready('conv-drop');
    const dropped = hub.dropConnections();
    assert.equal(dropped, 1, "instance A's one connection");
    // Published until the rejoined connection gets one: the hub cannot deliver to a group nobody has joined.
    for (let n = 0; received.length === 0; n += 1) {
      await instanceB.publish('conv-drop', event('conv-drop', `d${n}`));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stop();
    assert.equal(hub.connections.length, 1, 'one connection again');
    assert.match(received[0] ?? '', /^d\d+$/);
  });

  it("a page's token connects it to its conversation's group only: joining another conversation's group is refused", async () => {
    const subscription = await instanceA.pageSubscription('conv-page');
    assert.equal(subscription.group, conversationGroup('conv-page'));
    const page = await pageClient(subscription.url);
    await page.next((frame) => frame.type === 'system' && frame.event === 'connected');
    await instanceB.publish('conv-page', event('conv-page', 'p1'));
    const message = await page.next((frame) => frame.type === 'message');
    assert.deepEqual([message.group, message.data?.cause], [subscription.group, { kind: 'message', messageId: 'p1' }]);

    page.socket.send(JSON.stringify({ type: 'joinGroup', group: conversationGroup('conv-other'), ackId: 1 }));
    const ack = await page.next((frame) => frame.type === 'ack' && frame.ackId === 1);
    assert.deepEqual([ack.success, ack.error?.name], [false, 'Forbidden']);
    await instanceB.publish('conv-other', event('conv-other', 'o1'));
    await instanceB.publish('conv-page', event('conv-page', 'p2'));
    await page.next((frame) => frame.type === 'message' && frame.data?.cause.kind === 'message' && frame.data.cause.messageId === 'p2');
    assert.deepEqual(
      page.frames.filter((frame) => frame.type === 'message').map((frame) => frame.group),
      [subscription.group, subscription.group],
      "the page never got the other conversation's event",
    );
    page.socket.close();
    await once(page.socket, 'close');
  });

  it('refuses a forged token, an expired one and one for another hub, as the service would', async () => {
    const claims = { aud: `${hub.endpoint}/client/hubs/${HUB}`, role: [`webpubsub.joinLeaveGroup.${conversationGroup('conv-x')}`] };
    assert.equal(await connectStatus(hub.clientUrl(HUB, await hub.sign(claims))), 101, 'a token the hub signed is taken');
    assert.equal(await connectStatus(hub.clientUrl(HUB, await hub.sign(claims, { key: new Uint8Array(32).fill(7) }))), 401);
    assert.equal(await connectStatus(hub.clientUrl(HUB, await hub.sign(claims, { expiresInSeconds: -120 }))), 401);
    assert.equal(await connectStatus(hub.clientUrl('other_hub', await hub.sign(claims))), 401);
    assert.deepEqual(
      hub.refused.slice(-3).map((r) => r.reason.split(':')[0]),
      ['invalid access token', 'invalid access token', 'invalid access token'],
    );
    assert.match(hub.refused.at(-2)?.reason ?? '', /exp/);
  });

  it("a burst of 10,000 events to one conversation does not hold back another conversation's event", async function () {
    // 10,000 REST calls one after another: about 20 s on an idle 2-core machine, more under load.
    this.timeout(180_000);
    const order: string[] = [];
    const stopBusy = instanceA.subscribe('conv-busy', () => order.push('busy'));
    const stopQuiet = instanceA.subscribe('conv-quiet', () => order.push('quiet'));
    await Promise.all([instanceA.ready('conv-busy'), instanceA.ready('conv-quiet')]);
    // One conversation's events are published one after another (as the assist service does); the other's go beside them.
    const burst = (async () => {
      for (let n = 0; n < 10_000; n += 1) await instanceB.publish('conv-busy', event('conv-busy', `b${n}`));
    })();
    while (order.length < 100) await new Promise((resolve) => setTimeout(resolve, 5));
    await instanceB.publish('conv-quiet', event('conv-quiet', 'q1'));
    await burst;
    while (order.length < 10_001) await new Promise((resolve) => setTimeout(resolve, 10));
    stopBusy();
    stopQuiet();
    const quietAt = order.indexOf('quiet');
    assert.ok(quietAt > 0 && quietAt < 9_000, `the quiet conversation's event came at ${quietAt} of 10,001, not after the burst`);
  });
});
