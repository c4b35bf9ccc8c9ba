import { newConversationState, type ConversationState } from '../engine/state.js';
import type { ConversationStore } from '../engine/store.js';
import { updateWithRetry } from '../library/update.js';

export type CarriedValues = Readonly<Record<string, string | number | boolean>>;

/**
 * Hands a conversation to a representative: escalated, phase `assisted` (the representative's page tracks it from
 * here), values gathered so far marked as from self-service, and values a front end carried over added as from the
 * hand-off. A conversation not seen before is created. POST .../handoff and the skill's Handoff action share this.
 */
export async function handOff(conversations: ConversationStore, conversationId: string, channel: string, now: Date, carried: CarriedValues = {}): Promise<ConversationState> {
  const saved = await updateWithRetry(
    conversations,
    conversationId,
    (current) => ({ ...current, phase: 'assisted' as const, escalated: true, attributes: handedOver(current, carried), updatedAt: now.toISOString() }),
    { create: () => newConversationState(conversationId, channel, now) },
  );
  return saved.value;
}

function handedOver(state: ConversationState, carried: CarriedValues): ConversationState['attributes'] {
  const attributes: ConversationState['attributes'] = {};
  for (const [name, known] of Object.entries(state.attributes)) {
    attributes[name] = state.phase === 'self-service' ? { ...known, source: 'self-service' } : known;
  }
  for (const [name, value] of Object.entries(carried)) {
    attributes[name] ??= { value, text: String(value), confidence: 1, turn: state.turnCount, source: 'handoff' };
  }
  return attributes;
}
