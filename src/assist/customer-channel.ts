import type { ConversationReference } from '../engine/conversation-reference.js';

/**
 * Where a representative's reply leaves the service for the customer: the bot edge implements it (src/bot/), over Bot
 * Framework proactive messaging for Teams and Azure Bot Service channels and by appending to the conversation for the
 * local Direct Line behind /chat. Resolves once the channel took the message; rejects otherwise.
 */
export interface CustomerChannel {
  deliver(reference: ConversationReference, text: string): Promise<void>;
}

/** The channel did not take the message: the message says why, in words a representative can act on. */
export class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
}
