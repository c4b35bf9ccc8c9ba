import type { Logger } from 'pino';
import type { Insight } from '../engine/insight.js';
import { nextQuestions } from '../engine/questions.js';
import type { ConversationState } from '../engine/state.js';
import type { Catalog } from '../library/catalog.js';
import { instructionsFor } from '../library/instructions.js';

/** Replies a representative can send as they are or edit; the live view shows them beside the conversation. */
export interface ResponseSuggester {
  /** `instructions`: the library's, the intent's groups' and the intent's own, the most specific last. */
  suggest(state: ConversationState, insight: Insight, instructions: readonly string[]): Promise<string[]>;
}

export interface SuggestedResponses {
  /** model: written by Azure OpenAI; derived: the next question and the best solution. */
  source: 'model' | 'derived';
  items: string[];
  /** The instructions for representatives of the library, the intent's groups and the intent, one a line, the most specific last. */
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
  const instructions = instructionsFor(catalog, intent.id);
  return { source: 'derived', items, ...(instructions.length > 0 ? { guidance: instructions.join('\n') } : {}) };
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
    return { ...derived, source: 'model', items: await suggester.suggest(state, insight, instructionsFor(catalog, state.intent.id)) };
  } catch (error) {
    logger.warn({ err: error, conversationId: state.conversationId }, 'suggested responses failed; showing derived ones');
    return derived;
  }
}
