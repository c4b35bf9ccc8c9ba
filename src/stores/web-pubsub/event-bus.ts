import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { JSONTypes, WebPubSubServiceClient } from '@azure/web-pubsub';
import type WebSocket from 'ws';
import { LocalListeners, type AssistEvent, type EventBus, type Listener, type PageSubscription } from '../../assist/events.js';

export interface WebPubSubEventBusOptions {
  /** The hub's REST API: sends to groups and issues client access tokens (keyless, through the app's identity). */
  service: Pick<WebPubSubServiceClient, 'group' | 'getClientAccessToken'>;
  /** Opens a `json.webpubsub.azure.v1` client connection to a client access URL. */
  connect(url: string): WebSocket;
  /** How long a page's token is valid for connecting. */
  pageTokenMinutes: number;
  /** Wait before this instance's connection to the hub is opened again after it dropped. */
  reconnectMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** Long enough to connect: the connection outlives its token, and a reconnect asks for a new one. */
const INSTANCE_TOKEN_MINUTES = 5;
const RECONNECT_MS = 1000;

/** A conversation's group: a digest, so any conversation id makes a valid, bounded group name that does not reveal the id. */
export function conversationGroup(conversationId: string): string {
  return `conversation.${createHash('sha256').update(conversationId).digest('base64url')}`;
}

interface Joined {
  conversationId: string;
  /** Resolves once the hub acknowledged the join. */
  done: Promise<void>;
}

interface Frame {
  type?: string;
  from?: string;
  group?: string;
  data?: unknown;
  ackId?: number;
  success?: boolean;
  error?: { name?: string; message?: string };
  event?: string;
  message?: string;
}

/**
 * Azure Web PubSub: a group per conversation. An instance publishes a change with the REST API (sendToGroup); pages
 * subscribe with their own client access token (pageSubscription), which lets them join their conversation's group
 * only, so they hold no connection to an instance. For the SSE streams open on this instance, the instance is itself a
 * PubSub WebSocket client of the hub (one connection, with a token that may join any group): it joins a conversation's
 * group while at least one of its streams is open and leaves it after the last one closes. Its own events come back
 * through the hub like the others', so a stream sees one conversation's events in the order the hub took them.
 */
export class WebPubSubEventBus implements EventBus {
  private readonly local = new LocalListeners();
  private readonly joined = new Map<string, Joined>();
  private readonly acks = new Map<number, { done(): void; fail(error: Error): void }>();
  private readonly userId = `instance:${hostname()}:${process.pid}`;
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private nextAck = 1;
  private rejoin: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: WebPubSubEventBusOptions) {}

  async publish(conversationId: string, event: AssistEvent): Promise<void> {
    if (this.closed) throw new Error('the event bus is closed');
    await this.options.service.group(conversationGroup(conversationId)).sendToAll(event as unknown as JSONTypes);
  }

  subscribe(conversationId: string, listener: Listener): () => void {
    const unsubscribe = this.local.subscribe(conversationId, listener);
    this.join(conversationId);
    return () => {
      unsubscribe();
      if (!this.local.has(conversationId)) this.leave(conversationId);
    };
  }

  ready(conversationId: string): Promise<void> {
    return this.joined.get(conversationGroup(conversationId))?.done ?? Promise.resolve();
  }

  async pageSubscription(conversationId: string): Promise<PageSubscription> {
    const group = conversationGroup(conversationId);
    const minutes = this.options.pageTokenMinutes;
    const expiresAt = new Date((this.options.now ?? Date.now)() + minutes * 60_000).toISOString();
    const { url } = await this.options.service.getClientAccessToken({
      roles: [`webpubsub.joinLeaveGroup.${group}`],
      groups: [group],
      expirationTimeInMinutes: minutes,
    });
    return { transport: 'webpubsub', url, group, expiresAt };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.rejoin) clearTimeout(this.rejoin);
    this.failAcks(new Error('the event bus is closed'));
    this.socket?.close(1000);
    this.socket = null;
  }

  private join(conversationId: string): void {
    const group = conversationGroup(conversationId);
    if (this.joined.has(group) || this.closed) return;
    const done = this.open().then((socket) => this.request(socket, { type: 'joinGroup', group }));
    const entry = { conversationId, done };
    this.joined.set(group, entry);
    done.catch((error: unknown) => {
      // A later subscribe, or the next reconnect, joins again.
      if (this.joined.get(group) === entry) this.joined.delete(group);
      this.options.onError?.(error);
      if (this.local.has(conversationId)) this.scheduleRejoin();
    });
  }

  private leave(conversationId: string): void {
    const group = conversationGroup(conversationId);
    this.joined.delete(group);
    if (this.socket?.readyState === 1) this.request(this.socket, { type: 'leaveGroup', group }).catch((error: unknown) => this.options.onError?.(error));
  }

  /** This instance's connection to the hub, opened on first need. */
  private open(): Promise<WebSocket> {
    if (this.closed) return Promise.reject(new Error('the event bus is closed'));
    if (this.socket?.readyState === 1) return Promise.resolve(this.socket);
    this.opening ??= this.connect().finally(() => (this.opening = null));
    return this.opening;
  }

  private async connect(): Promise<WebSocket> {
    const { url } = await this.options.service.getClientAccessToken({
      roles: ['webpubsub.joinLeaveGroup'],
      userId: this.userId,
      expirationTimeInMinutes: INSTANCE_TOKEN_MINUTES,
    });
    const socket = this.options.connect(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`Web PubSub refused this instance's connection: HTTP ${response.statusCode}`)));
    });
    socket.on('message', (data) => this.received(String(data)));
    socket.on('error', (error) => this.options.onError?.(error));
    socket.on('close', () => this.dropped(socket));
    this.socket = socket;
    return socket;
  }

  private request(socket: WebSocket, frame: { type: 'joinGroup' | 'leaveGroup'; group: string }): Promise<void> {
    const ackId = this.nextAck++;
    return new Promise<void>((done, fail) => {
      this.acks.set(ackId, { done, fail });
      socket.send(JSON.stringify({ ...frame, ackId }), (error) => {
        if (!error) return;
        this.acks.delete(ackId);
        fail(error);
      });
    });
  }

  private received(text: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch (error) {
      this.options.onError?.(error);
      return;
    }
    if (frame.type === 'message' && frame.from === 'group' && frame.group) {
      const joined = this.joined.get(frame.group);
      if (joined) this.local.deliver(joined.conversationId, frame.data as AssistEvent);
    } else if (frame.type === 'ack' && frame.ackId !== undefined) {
      const ack = this.acks.get(frame.ackId);
      this.acks.delete(frame.ackId);
      // `Duplicate`: the hub already has this request, which is what was asked.
      if (frame.success || frame.error?.name === 'Duplicate') ack?.done();
      else ack?.fail(new Error(`Web PubSub refused a request: ${frame.error?.name ?? 'error'}: ${frame.error?.message ?? 'no reason given'}`));
    }
  }

  private dropped(socket: WebSocket): void {
    if (this.socket === socket) this.socket = null;
    this.failAcks(new Error('the connection to Web PubSub dropped'));
    this.scheduleRejoin();
  }

  /** After a pause, (re)opens the connection and joins the groups of the streams still open here. */
  private scheduleRejoin(): void {
    if (this.closed || this.rejoin) return;
    this.rejoin = setTimeout(() => {
      this.rejoin = null;
      this.joined.clear();
      for (const conversationId of this.local.conversations()) this.join(conversationId);
    }, this.options.reconnectMs ?? RECONNECT_MS);
    this.rejoin.unref();
  }

  private failAcks(error: Error): void {
    for (const ack of this.acks.values()) ack.fail(error);
    this.acks.clear();
  }
}
