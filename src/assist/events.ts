import type { AssistView } from './view.js';

/** What an open page receives: the whole view, and what caused it (a message id lets clients measure latency). */
export interface AssistEvent {
  cause:
    | { kind: 'message'; messageId?: string }
    | { kind: 'representative-reply' | 'reply-delivered'; messageId: string }
    | { kind: 'handoff' | 'hand-back' | 'reject-intent' | 'search-again' | 'conversation-reference' | 'snapshot' };
  view: AssistView;
}

export type Listener = (event: AssistEvent) => void;

/** Fan-out of conversation events to every open stream in this process. */
export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(conversationId: string, listener: Listener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(conversationId);
    };
  }

  publish(conversationId: string, event: AssistEvent): void {
    for (const listener of this.listeners.get(conversationId) ?? []) listener(event);
  }

  listenerCount(conversationId: string): number {
    return this.listeners.get(conversationId)?.size ?? 0;
  }
}
