import type { ConversationState } from '../engine/state.js';

/** Said once, to the customer's first message after the hand-off, when no representative has written yet. */
export const COLLEAGUE_NOTE = 'A colleague will reply here shortly.';

/**
 * What the bot says to a customer's message while a representative has the conversation: nothing (the message still
 * goes into the conversation, so the representative sees it), except the note above the first time, so that the
 * customer knows they were heard.
 */
export function noteWhileHandedOff(state: ConversationState): string | null {
  const since = state.handoff ? Date.parse(state.handoff.at) : Number.NaN;
  if (Number.isNaN(since)) return null;
  const after = state.turns.filter((turn) => turn.at !== undefined && Date.parse(turn.at) > since);
  if (after.some((turn) => turn.role === 'agent')) return null;
  return after.filter((turn) => turn.role === 'customer').length === 1 ? COLLEAGUE_NOTE : null;
}
