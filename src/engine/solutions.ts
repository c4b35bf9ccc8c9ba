import type { Solution } from '../knowledge/types.js';
import type { Intent } from '../library/schema.js';
import { withDeadline } from '../text/deadline.js';
import type { EngineDeps, EngineOptions } from './deps.js';
import { buildQuery } from './query.js';
import type { ConversationState } from './state.js';

export interface SearchOutcome {
  solutions: Solution[];
  /** False when the search failed or ran past its deadline. */
  available: boolean;
}

/**
 * Keeps the conversation's solutions in step with what is known: the query is built from the intent and the
 * values (engine/query.ts), and a search runs only when that query changed (or `force`, for search-again).
 * A failed or late search is aborted and leaves the earlier solutions; the next transition searches again.
 */
export async function refreshSolutions(
  state: ConversationState,
  intent: Intent | undefined,
  deps: Pick<EngineDeps, 'search'>,
  options: Pick<EngineOptions, 'solutions' | 'searchTimeoutMs'>,
  force = false,
): Promise<SearchOutcome> {
  if (!intent || !deps.search) {
    state.query = intent ? buildQuery(intent, state.attributes) : null;
    state.solutions = [];
    return { solutions: [], available: deps.search !== null };
  }
  const query = buildQuery(intent, state.attributes);
  if (query === state.query && !force) return { solutions: state.solutions, available: true };
  return searchInto(state, deps.search, { text: query, intentId: intent.id }, options);
}

/** Runs one search for the conversation and stores its query and solutions; on failure keeps the earlier ones. */
export async function searchInto(
  state: ConversationState,
  search: NonNullable<EngineDeps['search']>,
  query: { text: string; intentId?: string },
  options: Pick<EngineOptions, 'solutions' | 'searchTimeoutMs'>,
): Promise<SearchOutcome> {
  try {
    state.solutions = await withDeadline(options.searchTimeoutMs, (signal) => search.search({ ...query, top: options.solutions, signal }));
    state.query = query.text;
    return { solutions: state.solutions, available: true };
  } catch {
    state.query = null;
    return { solutions: state.solutions, available: false };
  }
}
