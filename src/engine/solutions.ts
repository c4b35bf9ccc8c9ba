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
  const outcome = await searchInto(state, deps.search, { text: query, intentId: intent.id }, { ...options, solutions: options.solutions + SPARE });
  state.solutions = namingFirst(fitting(state.solutions, intent, state.attributes), state.attributes).slice(0, options.solutions);
  return { ...outcome, solutions: state.solutions };
}

/**
 * A follow-up on a request already answered ("how long does it usually take?", "where is my order??"): the knowledge
 * base is searched with the request's query and the customer's new words. Articles ranked above every one already
 * given are new help (`fresh`); when the best match was given already, it is put first for the reply to point to
 * (`pointed`); `none` when the search finds nothing. The request's own query stays, so the next turn does not search
 * again for what was already given.
 */
export async function searchFollowUp(
  state: ConversationState,
  intent: Intent,
  text: string,
  search: NonNullable<EngineDeps['search']>,
  options: Pick<EngineOptions, 'solutions' | 'searchTimeoutMs'>,
): Promise<SearchOutcome & { found: 'fresh' | 'pointed' | 'none' }> {
  const query = state.query;
  const given = state.solutions;
  const outcome = await searchInto(state, search, { text: [query, text].filter(Boolean).join(' '), intentId: intent.id }, { ...options, solutions: options.solutions + SPARE });
  state.query = query;
  const ranked = fitting(state.solutions, intent, state.attributes);
  const sent = new Set(state.sentSolutions);
  const firstGiven = ranked.findIndex((solution) => sent.has(solution.id));
  const fresh = firstGiven === -1 ? ranked : ranked.slice(0, firstGiven);
  if (outcome.available && fresh.length > 0) {
    state.solutions = namingFirst(fresh, state.attributes).slice(0, options.solutions);
    return { solutions: state.solutions, available: true, found: 'fresh' };
  }
  const best = ranked[firstGiven];
  state.solutions = best ? [best, ...given.filter((solution) => solution.id !== best.id)].slice(0, options.solutions) : given;
  return { solutions: state.solutions, available: outcome.available, found: best && outcome.available ? 'pointed' : 'none' };
}

/** Solutions fetched beyond those shown, so that ones about another product can be left out. */
const SPARE = 2;

/** Lower case with single spaces between words and one at each end, so " e42 " is found as a whole word. */
const folded = (text: string): string => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * Leaves out solutions about another value of what the customer told ("Laptop error codes" when they said their TV
 * shows E42): for each known enum value, a solution whose title or tags name another value of that attribute but
 * not this one goes. If that would leave nothing, the search's own order stands.
 */
export function fitting(solutions: Solution[], intent: Intent, attributes: ConversationState['attributes']): Solution[] {
  const clashes = (solution: Solution): boolean => {
    const words = folded([solution.title, ...solution.tags].join(' '));
    const names = (value: string) => words.includes(folded(value));
    return intent.attributes.some((attribute) => {
      const known = attributes[attribute.name]?.value;
      if (attribute.type !== 'enum' || typeof known !== 'string' || !attribute.values) return false;
      return !names(known) && attribute.values.some((other) => other !== known && other !== 'other' && names(other));
    });
  };
  const kept = solutions.filter((solution) => !clashes(solution));
  return kept.length > 0 ? kept : solutions;
}

/**
 * Puts first the solutions whose title names a code the customer gave ("TV error E42" before "TV error codes" once
 * they said E42): a value with a digit in it is the most specific thing they said. Otherwise the search's order stands.
 */
export function namingFirst(solutions: Solution[], attributes: ConversationState['attributes']): Solution[] {
  const codes = Object.values(attributes)
    .map((known) => known.value)
    .filter((value): value is string => typeof value === 'string' && /\d/.test(value) && value.length >= 2 && value.length <= 40)
    .map(folded);
  if (codes.length === 0) return solutions;
  const names = (solution: Solution) => codes.some((code) => folded(solution.title).includes(code));
  return [...solutions.filter(names), ...solutions.filter((solution) => !names(solution))];
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
