import type { Catalog } from '../library/catalog.js';
import type { Intent } from '../library/schema.js';
import type { Classification, Extraction } from '../nlu/types.js';
import { neutralizeText } from '../text/neutralize.js';
import { attributeAskedIn } from './agent-questions.js';
import { engineOptions, type EngineDeps, type EngineOptions } from './deps.js';
import { insightOf, intentView, type AnsweredAttribute, type Insight, type IntentView } from './insight.js';
import { resolveClarification, trackIntent, type TrackingOptions } from './intent-tracking.js';
import { nextQuestions } from './questions.js';
import { currentIntent, recordIntentChange, settleStatus } from './settle.js';
import { refreshSolutions } from './solutions.js';
import type { ConversationState, KnownValue, Status, Turn } from './state.js';

export interface StepResult {
  state: ConversationState;
  insight: Insight;
}

/** The confidence of an intent the customer picked themselves when asked to clarify. */
const CHOSEN_CONFIDENCE = 0.9;

/** Text as understanding and storage take it: neutralised (no control, escape or bidi codes), cut to `max`, trimmed. */
export function cleanText(text: string, max: number): string {
  return neutralizeText(text).slice(0, max).trim();
}

/**
 * One turn of a conversation, self-service or assisted: re-detect the intent (with hysteresis), take the
 * attribute values the turn gives, choose the next questions, build the knowledge query and fetch solutions.
 * Pure apart from the knowledge search: the caller loads and stores the state.
 */
export async function step(previous: ConversationState, turn: Turn, deps: EngineDeps): Promise<StepResult> {
  const options = engineOptions(deps);
  const now = deps.now();
  const text = cleanText(turn.text, options.maxUnderstoodChars);
  const state: ConversationState = structuredClone(previous);
  state.turnCount += 1;
  state.updatedAt = now.toISOString();
  const turnIndex = state.turnCount;

  let classification: Classification = { ranking: [], outOfScopeScore: 1 };
  let intentChanged = false;
  let answered: AnsweredAttribute[] = [];
  let status: Status | null = state.status;

  if (turn.role === 'customer') {
    classification = await deps.ranker.classify(text, options.candidates + 1 + state.rejectedIntents.length, state.rejectedIntents);
    const before = state.intent?.id ?? null;
    const attributesBefore = { ...state.attributes };
    const taken = takeExtractions(state, currentIntent(state, deps.catalog), text, turnIndex, deps, now, true);
    status = decideIntentForTurn(state, text, classification, isAnswer(text, taken, deps.catalog, state), deps, options);
    answered = taken.map(({ pending: _pending, ...rest }) => rest);
    if ((state.intent?.id ?? null) !== before && state.intent) {
      intentChanged = true;
      recordIntentChange(state, turn.at ?? now.toISOString(), {
        text: deps.mask(cleanText(turn.text, options.maxStoredChars)),
        ...(turn.messageId ? { messageId: turn.messageId } : {}),
      });
      // The turn was a new request, not an answer to the old question: what it said is read for the new intent.
      state.attributes = attributesBefore;
      state.pending = null;
      answered = takeEarlierMentions(state, turnIndex, deps, now).concat(
        takeExtractions(state, currentIntent(state, deps.catalog), text, turnIndex, deps, now, false).map(({ pending: _p, ...rest }) => rest),
      );
    }
  } else {
    const intent = currentIntent(state, deps.catalog);
    const asked = intent ? attributeAskedIn(text, intent.attributes) : null;
    if (asked && state.attributes[asked.name] === undefined) {
      state.pending = asked.name;
      if (!state.asked.includes(asked.name)) state.asked.push(asked.name);
    }
  }

  const intent = currentIntent(state, deps.catalog);
  const questions = intent ? nextQuestions(intent, state) : [];
  state.status = status;
  settleStatus(state, intent);

  if (turn.role === 'customer' && state.phase === 'self-service') {
    const first = state.status === 'need-info' ? questions[0] : undefined;
    state.pending = first?.attribute ?? null;
    if (first && !state.asked.includes(first.attribute)) state.asked.push(first.attribute);
  }

  const search = await refreshSolutions(state, intent, deps, options);
  rememberTurn(state, turn, now, deps, options);

  return {
    state,
    insight: insightOf(state, deps.catalog, {
      candidates: classification.ranking
        .filter((score) => score.intent !== state.intent?.id && !state.rejectedIntents.includes(score.intent))
        .slice(0, options.candidates)
        .map((score) => intentView(score.intent, score.confidence, deps.catalog))
        .filter((view): view is IntentView => view !== null),
      clarifyQuestion: state.status === 'clarify' && state.clarifying ? clarifyQuestion(state.clarifying, deps.catalog) : null,
      intentChanged,
      answered,
      // As they stood before the first was marked asked: asking it does not send it to the back of the line.
      nextQuestions: questions,
      solutionsAvailable: search.available,
    }),
  };
}

/** Applies the turn's classification to the state's intent; returns the status it implies before attributes are counted. */
function decideIntentForTurn(
  state: ConversationState,
  text: string,
  classification: Classification,
  answeredPending: boolean,
  deps: EngineDeps,
  options: TrackingOptions,
): Status | null {
  if (state.clarifying) {
    const chosen = resolveClarification(text, state.clarifying, classification);
    state.clarifying = null;
    if (chosen) {
      const scored = classification.ranking.find((score) => score.intent === chosen)?.confidence ?? 0;
      state.intent = { id: chosen, confidence: Math.max(scored, CHOSEN_CONFIDENCE) };
      return null;
    }
  }
  const known = classification.ranking.filter((score) => deps.catalog.intent(score.intent) !== undefined);
  const decision = deps.decide({ ...classification, ranking: known }, state.rejectedIntents);
  const outcome = trackIntent(state, decision, classification, answeredPending, options);
  switch (outcome.kind) {
    case 'set':
      state.intent = { id: outcome.intent, confidence: outcome.confidence };
      return null;
    case 'clarify':
      state.clarifying = outcome.between;
      return 'clarify';
    case 'out-of-scope':
      return 'out-of-scope';
    case 'keep':
      return null;
  }
}

interface TakenValue extends AnsweredAttribute {
  pending: boolean;
}

const FILLER = /\b(?:it'?s|it is|its|is|my|the|a|an|that'?s|number|code|yes|yeah|yep|no|nope|sure|ok|okay|here|you go|sorry|um+|uh+|thanks?|thank you)\b/gi;

/**
 * Whether the turn answers rather than asks: it gave a typed value for the pending question, or values
 * for the current intent with hardly any other words ("it's a TV40118273"). Such a turn keeps the intent.
 */
function isAnswer(text: string, taken: readonly TakenValue[], catalog: Catalog, state: ConversationState): boolean {
  const intentId = state.intent?.id;
  if (!intentId) return false;
  // A free-text answer takes whatever was said, so only typed values show that the turn was an answer.
  const typed = taken.filter((value) => catalog.attribute(intentId, value.name)?.type !== 'text');
  if (typed.length === 0) return false;
  if (typed.some((value) => value.pending)) return true;
  let rest = text;
  for (const value of typed) rest = rest.split(value.text).join(' ');
  const words = rest.replace(FILLER, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length <= 2;
}

/**
 * Runs the extractors for the intent's attributes over the text and stores what they find. A value bound to
 * the pending question, or surer than the one known, replaces it (a customer correcting an answer).
 */
function takeExtractions(
  state: ConversationState,
  intent: Intent | undefined,
  text: string,
  turnIndex: number,
  deps: EngineDeps,
  now: Date,
  bindPending: boolean,
): TakenValue[] {
  if (!intent || text === '') return [];
  const pending = bindPending && state.pending && intent.attributes.some((a) => a.name === state.pending) ? state.pending : undefined;
  const found = deps.extractor.extract(text, intent.attributes, {
    now,
    ...(pending ? { pendingAttribute: pending } : {}),
    ...(deps.defaultRegion ? { defaultRegion: deps.defaultRegion } : {}),
  });
  const taken: TakenValue[] = [];
  for (const extraction of found) {
    const isPending = extraction.attribute === pending;
    const known = state.attributes[extraction.attribute];
    if (known && !isPending && known.confidence > extraction.confidence) continue;
    state.attributes[extraction.attribute] = knownValue(extraction, turnIndex, state.phase);
    taken.push({ name: extraction.attribute, value: extraction.value, text: extraction.text, confidence: extraction.confidence, pending: isPending });
  }
  if (pending && taken.some((t) => t.pending)) state.pending = null;
  return taken;
}

/** Values the customer gave before the intent was known ("attributes mentioned early are taken without asking"). */
function takeEarlierMentions(state: ConversationState, turnIndex: number, deps: EngineDeps, now: Date): AnsweredAttribute[] {
  const intent = currentIntent(state, deps.catalog);
  if (!intent) return [];
  const earlier = state.turns.filter((t) => t.role === 'customer').map((t) => t.text);
  const taken: AnsweredAttribute[] = [];
  for (const text of earlier) {
    for (const extraction of deps.extractor.extract(text, intent.attributes, { now, ...(deps.defaultRegion ? { defaultRegion: deps.defaultRegion } : {}) })) {
      if (state.attributes[extraction.attribute] !== undefined) continue;
      state.attributes[extraction.attribute] = knownValue(extraction, turnIndex, state.phase);
      taken.push({ name: extraction.attribute, value: extraction.value, text: extraction.text, confidence: extraction.confidence });
    }
  }
  return taken;
}

function knownValue(extraction: Extraction, turn: number, phase: ConversationState['phase']): KnownValue {
  return { value: extraction.value, text: extraction.text, confidence: extraction.confidence, turn, source: phase };
}

/** Keeps the turn (masked, cut) among the recent ones, and its message id for idempotency; boundState trims both. */
function rememberTurn(state: ConversationState, turn: Turn, now: Date, deps: EngineDeps, options: EngineOptions): void {
  state.turns.push({
    role: turn.role,
    text: deps.mask(cleanText(turn.text, options.maxStoredChars)),
    at: turn.at ?? now.toISOString(),
    ...(turn.messageId ? { messageId: turn.messageId } : {}),
  });
  if (turn.messageId) state.messageIds.push(turn.messageId);
}

function clarifyQuestion(between: readonly string[], catalog: Catalog): string {
  const names = between.map((id) => catalog.intent(id)?.name.toLowerCase() ?? id);
  return `Just to be sure I help with the right thing: is it about ${names[0]}, or ${names[1]}?`;
}
