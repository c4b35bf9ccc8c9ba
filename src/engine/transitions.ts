import { decideAmongKnown, engineOptions, type EngineDeps } from './deps.js';
import { CommandError } from './errors.js';
import { insightOf } from './insight.js';
import { currentIntent, recordIntentChange, settleStatus } from './settle.js';
import { refreshSolutions, searchInto } from './solutions.js';
import { markHandedOff, type CarriedValues } from './handoff.js';
import type { ConversationState, Feedback } from './state.js';
import type { StepResult } from './step.js';
import { cleanText } from './step.js';


function lastCustomerText(state: ConversationState): string | undefined {
  return state.turns.findLast((turn) => turn.role === 'customer')?.text;
}

function touched(previous: ConversationState, deps: EngineDeps): ConversationState {
  const state = structuredClone(previous);
  state.updatedAt = deps.now().toISOString();
  return state;
}

/**
 * The representative says the intent is wrong: it is never suggested again in this conversation, and the next
 * best intent for the customer's last words (ranked as every turn is) takes its place, with its questions and solutions.
 */
export async function rejectIntent(previous: ConversationState, intentId: string, deps: EngineDeps): Promise<StepResult> {
  if (!deps.catalog.intent(intentId)) throw new CommandError('unknown-intent', `intent: "${intentId}" is not an intent of the library`);
  const options = engineOptions(deps);
  const state = touched(previous, deps);
  if (!state.rejectedIntents.includes(intentId)) state.rejectedIntents.push(intentId);
  if (state.intent?.id !== intentId) return { state, insight: insightOf(state, deps.catalog) };
  state.intent = null;
  state.clarifying = null;
  state.pending = null;
  state.query = null;
  state.solutions = [];
  state.status = null;
  const text = lastCustomerText(state);
  if (text) {
    const classification = await deps.ranker.classify(text, options.candidates + 1 + state.rejectedIntents.length, state.rejectedIntents);
    const { decision } = decideAmongKnown(classification, state.rejectedIntents, deps);
    if (decision.kind === 'intent') {
      state.intent = { id: decision.intent, confidence: decision.confidence };
      recordIntentChange(state, state.updatedAt, { text });
    }
  }
  const intent = currentIntent(state, deps.catalog);
  settleStatus(state, intent);
  const search = await refreshSolutions(state, intent, deps, options);
  return { state, insight: insightOf(state, deps.catalog, { intentChanged: state.intent !== null, solutionsAvailable: search.available }) };
}

/**
 * Searches the knowledge base again, for the representative's own words or, without them, for the query the
 * conversation implies (the intent's template filled with what is known, engine/query.ts), or the customer's last words.
 */
export async function searchAgain(previous: ConversationState, query: string | undefined, deps: EngineDeps): Promise<StepResult> {
  const options = engineOptions(deps);
  const state = touched(previous, deps);
  const intent = currentIntent(state, deps.catalog);
  if (!deps.search) throw new CommandError('search-unavailable', 'no knowledge search is configured');
  const given = query === undefined ? '' : cleanText(query, options.maxUnderstoodChars);
  const outcome =
    given === '' && intent
      ? await refreshSolutions(state, intent, deps, options, true)
      : await searchInto(state, deps.search, { text: given || requireText(lastCustomerText(state)), ...(intent ? { intentId: intent.id } : {}) }, options);
  if (!outcome.available) throw new CommandError('search-unavailable', 'the knowledge search failed or timed out; try again');
  return { state, insight: insightOf(state, deps.catalog) };
}

function requireText(text: string | undefined): string {
  if (!text) throw new CommandError('nothing-to-search', 'query: there is nothing to search for yet; give a query');
  return text;
}

/**
 * Hands the conversation to a representative: escalated, phase `assisted` (the representative's page tracks it from
 * here), values gathered so far marked as from self-service, and values a front end carried over added as from the
 * hand-off (a value the conversation already has is kept).
 */
export function handOff(previous: ConversationState, input: { reason?: string; carried?: CarriedValues }, deps: EngineDeps): StepResult {
  const state = touched(previous, deps);
  markHandedOff(state, { ...input, kind: 'caller' });
  return { state, insight: insightOf(state, deps.catalog) };
}

/** A representative's rating of how self-service understood the conversation: kept (newest last, bounded); a thumbs-down makes its customer turns misses. */
export function giveFeedback(previous: ConversationState, input: { rating: Feedback['rating']; note?: string }, deps: EngineDeps): StepResult {
  const state = touched(previous, deps);
  const note = input.note === undefined ? '' : cleanText(input.note, 500);
  state.feedback.push({ at: state.updatedAt, turn: state.turnCount, rating: input.rating, ...(note ? { note: deps.mask(note) } : {}) });
  return { state, insight: insightOf(state, deps.catalog) };
}
