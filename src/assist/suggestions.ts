import type { Logger } from 'pino';
import type { Insight } from '../engine/insight.js';
import { nextQuestions } from '../engine/questions.js';
import type { ConversationState } from '../engine/state.js';
import type { Catalog } from '../library/catalog.js';

/** Replies a representative can send as they are or edit; the live view shows them beside the conversation. */
export interface ResponseSuggester {
  suggest(state: ConversationState, insight: Insight): Promise<string[]>;
}

export interface SuggestedResponses {
  /** model: written by Azure OpenAI; derived: built from the intent's instructions and the next question. */
  source: 'model' | 'derived';
  items: string[];
  /** The intent's instructions for representatives, when the library has them. */
  guidance?: string;
}

/** Without a language model: the next question to ask, and the best solution to offer once nothing is missing. */
export function derivedResponses(state: ConversationState, catalog: Catalog): SuggestedResponses {
  const intent = state.intent ? catalog.intent(state.intent.id) : undefined;
  if (!intent) return { source: 'derived', items: [] };
  const items: string[] = [];
  const next = nextQuestions(intent, state)[0];
  if (next) items.push(next.question);
  const best = state.solutions[0];
  if (best && !next?.required) items.push(`This should help: ${best.title}${best.url ? ` (${best.url})` : ''}.`);
  return { source: 'derived', items, ...(intent.instructions ? { guidance: intent.instructions } : {}) };
}

/** The model's suggestions for the insight the last transition produced, or the derived ones when there is no model or it fails. */
export async function suggestResponses(
  state: ConversationState,
  insight: Insight,
  catalog: Catalog,
  suggester: ResponseSuggester | null,
  logger: Logger,
): Promise<SuggestedResponses> {
  const derived = derivedResponses(state, catalog);
  if (!suggester || !state.intent) return derived;
  try {
    return { ...derived, source: 'model', items: await suggester.suggest(state, insight) };
  } catch (error) {
    logger.warn({ err: error, conversationId: state.conversationId }, 'suggested responses failed; showing derived ones');
    return derived;
  }
}
