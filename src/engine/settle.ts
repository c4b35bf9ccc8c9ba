import type { Catalog } from '../library/catalog.js';
import type { Intent } from '../library/schema.js';
import { missingRequired } from './questions.js';
import type { ConversationState } from './state.js';

export function currentIntent(state: ConversationState, catalog: Catalog): Intent | undefined {
  return state.intent ? catalog.intent(state.intent.id) : undefined;
}

/** The status the intent and the known values imply: need-info while a required value is missing, else ready. */
export function settleStatus(state: ConversationState, intent: Intent | undefined): void {
  if (intent) state.status = missingRequired(intent, state) ? 'need-info' : 'ready';
  else state.status ??= 'out-of-scope';
}

/** Notes the state's (new) intent in its history, with the customer words that led to it (already masked). */
export function recordIntentChange(state: ConversationState, at: string, cause: { text?: string; messageId?: string } = {}): void {
  if (!state.intent) return;
  state.intentHistory.push({
    intent: state.intent.id,
    confidence: state.intent.confidence,
    turn: state.turnCount,
    at,
    ...(cause.text ? { text: cause.text } : {}),
    ...(cause.messageId ? { messageId: cause.messageId } : {}),
  });
}
