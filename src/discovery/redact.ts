import { maskPersonalData } from '../nlu/redact.js';
import type { Conversation } from './types.js';

/** The conversation with personal data masked in every turn; nothing unmasked is kept past this point. */
export function redactConversation(conversation: Conversation): Conversation {
  return {
    conversationId: maskPersonalData(conversation.conversationId).text,
    turns: conversation.turns.map((turn) => ({ ...turn, text: maskPersonalData(turn.text).text })),
  };
}
