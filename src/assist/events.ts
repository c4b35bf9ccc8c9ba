import type { AssistView } from './view.js';

/** What an open page receives: the whole view, and what caused it (a message id lets clients measure latency). */
export interface AssistEvent {
  cause:
    | { kind: 'message'; messageId?: string }
    | { kind: 'representative-reply' | 'reply-delivered'; messageId: string }
    | { kind: 'handoff' | 'hand-back' | 'feedback' | 'reject-intent' | 'search-again' | 'conversation-reference' | 'snapshot' };
  view: AssistView;
}

export type Listener = (event: AssistEvent) => void;

/** A page's own subscription to one conversation's events, so that it holds no connection to an instance. */
export interface PageSubscription {
  transport: 'webpubsub';
  /** The client access URL (its token grants joining this conversation's group only), for the `json.webpubsub.azure.v1` subprotocol. */
  url: string;
  /** The group the page is joined to on connecting; its messages carry AssistEvents as JSON. */
  group: string;
  /** Until when the URL can be used to connect (a connection outlives it; a reconnect asks again). */
  expiresAt: string;
}

/**
 * Carries conversation events from the instance that wrote a change to every open stream of that conversation, on
 * whichever instance it is open. It only carries events: conversation state is written by the engine alone.
 * Events of one conversation reach a listener in the order they were published.
 */
export interface EventBus {
  /** Resolves once the event is on its way to every instance (a page opened afterwards no longer needs it). */
  publish(conversationId: string, event: AssistEvent): Promise<void>;
  subscribe(conversationId: string, listener: Listener): () => void;
  /**
   * For a bus that must first join something (Web PubSub): resolves once events of a conversation subscribed to reach
   * this process; the others deliver from the moment of subscribing.
   */
  ready?(conversationId: string): Promise<void>;
  /** A page's own subscription, when the bus can give one (Web PubSub); without it the page uses the SSE stream. */
  pageSubscription?(conversationId: string): Promise<PageSubscription>;
  /** Sends what is still pending and stops. */
  close(): Promise<void>;
}

/** The listeners of this process, by conversation: what every bus hands its events to. */
export class LocalListeners {
  private readonly listeners = new Map<string, Set<{ listener: Listener; after: number }>>();

  /** `after`: events carrying a position (a bus's sequence number) at or below it are not for this listener. */
  subscribe(conversationId: string, listener: Listener, after = 0): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    const entry = { listener, after };
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
  }

  deliver(conversationId: string, event: AssistEvent, position = Infinity): void {
    for (const entry of this.listeners.get(conversationId) ?? []) {
      if (position > entry.after) entry.listener(event);
    }
  }

  has(conversationId: string): boolean {
    return this.listeners.has(conversationId);
  }

  /** The conversations with at least one listener here. */
  conversations(): string[] {
    return [...this.listeners.keys()];
  }
}

/** One instance: events reach the streams open in this process only. */
export class InProcessEventBus implements EventBus {
  private readonly local = new LocalListeners();

  async publish(conversationId: string, event: AssistEvent): Promise<void> {
    this.local.deliver(conversationId, event);
  }

  subscribe(conversationId: string, listener: Listener): () => void {
    return this.local.subscribe(conversationId, listener);
  }

  async close(): Promise<void> {}
}
