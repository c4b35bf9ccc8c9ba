import type { Catalog } from '../library/catalog.js';
import { attributeLabel } from '../library/formats.js';
import type { Attribute, Intent } from '../library/schema.js';
import { asksForHelpOnly, correctionRest, localDialogueActs, type DialogueActs } from '../nlu/dialogue-acts.js';
import { otherLanguageOf } from '../nlu/language.js';
import type { Classification, Extraction, IntentDecision } from '../nlu/types.js';
import { contentWords } from '../text/content-words.js';
import { neutralizeText } from '../text/neutralize.js';
import { attributeAskedIn } from './agent-questions.js';
import { decideAmongKnown, engineOptions, type EngineDeps, type EngineOptions } from './deps.js';
import { markHandedOff } from './handoff.js';
import { insightOf, intentView, type AnsweredAttribute, type Insight, type IntentView, type PolicyAct } from './insight.js';
import { resolveClarification, trackIntent, type TrackingOptions } from './intent-tracking.js';
import { askable, MAX_ASKS, nextQuestions, unanswerable } from './questions.js';
import { currentIntent, recordIntentChange, settleStatus } from './settle.js';
import { refreshSolutions, searchFollowUp } from './solutions.js';
import type { ConversationState, HandoffKind, KnownValue, Status, Turn } from './state.js';

export interface StepResult {
  state: ConversationState;
  insight: Insight;
}

/** The confidence of an intent the customer picked themselves (a clarification, an offer they accepted). */
const CHOSEN_CONFIDENCE = 0.9;
/** Other requests of one turn kept for later. */
const MAX_QUEUED = 3;

/** Text as understanding and storage take it: neutralised (no control, escape or bidi codes), cut to `max`, trimmed. */
export function cleanText(text: string, max: number): string {
  return neutralizeText(text).slice(0, max).trim();
}

/**
 * One turn of a conversation, self-service or assisted. A customer turn is read as commands (dialogue acts, an intent,
 * values) and a deterministic policy decides: hand off, close, drop the request, switch intent, take or correct values,
 * leave a question the customer cannot answer, ask again with what is expected, then the next questions, the knowledge
 * query and solutions. A representative's turn marks the question it asks. Pure apart from the ranker and the knowledge
 * search: the caller loads and stores the state.
 */
export async function step(previous: ConversationState, turn: Turn, deps: EngineDeps): Promise<StepResult> {
  const options = engineOptions(deps);
  const now = deps.now();
  const text = cleanText(turn.text, options.maxUnderstoodChars);
  const state: ConversationState = structuredClone(previous);
  state.turnCount += 1;
  state.updatedAt = now.toISOString();

  const outcome = turn.role === 'customer' ? await customerTurn(state, text, turn, deps, options, now) : await representativeTurn(state, text, deps, options);
  const intent = currentIntent(state, deps.catalog);
  const settled = outcome.status === 'handoff' || outcome.status === 'ended';
  const ordered = settled || !intent ? [] : nextQuestions(intent, state);
  // A question explained or asked again with what is expected comes first, whatever its usual place.
  const reasked = outcome.reask ? ordered.find((question) => question.attribute === outcome.reask) : undefined;
  const questions = reasked ? [reasked, ...ordered.filter((question) => question !== reasked)] : ordered;
  state.status = outcome.status;
  if (!settled) settleStatus(state, intent);
  if (reasked && state.phase === 'self-service' && state.status === 'ready') state.status = 'need-info';
  const missable = turn.role === 'customer' && !NOT_A_MISS.has(outcome.act);
  if (missable) countOutcome(state);

  // A turn that puts no question (the customer unhappy, asking for a moment, not understood) leaves the open one as it was.
  if (turn.role === 'customer' && state.phase === 'self-service' && !settled && !QUESTIONLESS_ACTS.has(outcome.act)) {
    const first = state.status === 'need-info' ? questions[0] : undefined;
    state.pending = first?.attribute ?? null;
    if (first) {
      if (!state.asked.includes(first.attribute)) state.asked.push(first.attribute);
      // Put again after the customer's own question, it was not left unanswered.
      if (!UNCOUNTED_ASKS.has(outcome.act)) state.asks[first.attribute] = (state.asks[first.attribute] ?? 0) + 1;
    }
    if (state.status === 'ready' && !state.offer) state.offer = nextOffer(state, intent);
    // A second request in a row that self-service cannot take: a colleague is offered, not the same apology again.
    if (state.status === 'out-of-scope' && !NOT_A_MISS.has(outcome.act) && !state.offer && previousTurnOutOfScope(previous, deps)) state.offer = { kind: 'person' };
  }

  let search = settled ? { solutions: state.solutions, available: true } : await refreshSolutions(state, intent, deps, options);
  const aside = outcome.act === 'aside' && state.status === 'need-info';
  if (outcome.followUp && intent && (state.status === 'ready' || aside) && deps.search) {
    const more = await searchFollowUp(state, intent, text, deps.search, options);
    search = more;
    // An article already given answers it: pointed to. Nothing at all: a colleague is offered (once the request is
    // answered; while a question is open, the question goes on), not the same articles.
    if (more.found === 'pointed') outcome.act = 'pointed';
    if (more.found === 'none' && more.available) {
      if (!aside) state.offer = { kind: 'person' };
      outcome.act = 'exhausted';
    }
  }
  // New when the articles differ from those last given to the customer, or when they first come as the answer after
  // questions. The reply sends them only then (src/engine/reply.ts), so a self-service turn records them as given.
  const solutionsNew =
    state.solutions.length > 0 &&
    (state.solutions.some((solution) => !state.sentSolutions.includes(solution.id)) || (state.status === 'ready' && previous.status !== 'ready'));
  if (turn.role === 'customer' && state.phase === 'self-service' && solutionsNew && (state.status === 'ready' || state.status === 'need-info')) {
    const given = state.solutions.map((solution) => solution.id);
    state.sentSolutions = [...state.sentSolutions.filter((id) => !given.includes(id)), ...given].slice(-MAX_SENT_SOLUTIONS);
  }
  rememberTurn(state, turn, now, deps, options, missable);

  return {
    state,
    insight: insightOf(state, deps.catalog, {
      candidates: outcome.classification.ranking
        .filter((score) => score.intent !== state.intent?.id && !state.rejectedIntents.includes(score.intent))
        .slice(0, options.candidates)
        .map((score) => intentView(score.intent, score.confidence, deps.catalog))
        .filter((view): view is IntentView => view !== null),
      clarifyQuestion: state.status === 'clarify' && state.clarifying ? clarifyQuestion(state.clarifying, deps.catalog) : null,
      intentChanged: outcome.intentChanged,
      answered: outcome.answered,
      // As they stood before the first was marked asked: asking it does not send it to the back of the line.
      nextQuestions: questions,
      solutionsAvailable: search.available,
      solutionsNew,
      act: outcome.act,
      actAttribute: outcome.actAttribute,
      invalidText: outcome.invalidText,
    }),
  };
}

/** An acknowledgement is this short: "ok", "ok got it", "alright, makes sense". */
const ACKNOWLEDGEMENT_WORDS = 3;

/**
 * A question that another request scores this much for may be that request, not found sure enough to switch ("could you
 * schedule a visit?" while an apartment is searched): it is not answered as a question on the request.
 */
const ANOTHER_REQUEST = 0.2;

/** A follow-up says at least this much ("where is it now?"); "ok", "I see" say nothing to search for. */
const FOLLOW_UP_WORDS = 3;

/**
 * Customer turns that end without an intent but are no request self-service failed to understand: a greeting, "are you a
 * bot?", "I have a problem" (help asked for, the request still to come), and "that's not what I meant" (the request it
 * refers to was counted when it was made). None counts as out of scope in the insights nor is kept as a miss.
 */
const NOT_A_MISS: ReadonlySet<PolicyAct | null> = new Set(['greeted', 'misunderstood', 'introduced', 'prompted']);

/** Turns after which the open question is put again without counting as asked once more: the customer did not leave it unanswered. */
const UNCOUNTED_ASKS: ReadonlySet<PolicyAct | null> = new Set(['aside', 'introduced']);

/** What the policy does with a turn without putting a question. */
const QUESTIONLESS_ACTS: ReadonlySet<PolicyAct | null> = new Set(['unhelped', 'waiting', 'foreign']);

/** Whether the customer's turn before was a request self-service could not take (a greeting or "I have a problem" is not one). */
function previousTurnOutOfScope(previous: ConversationState, deps: EngineDeps): boolean {
  const said = previous.turns.findLast((turn) => turn.role === 'customer')?.text;
  return previous.status === 'out-of-scope' && said !== undefined && !(deps.acts ?? localDialogueActs).read(said).smallTalk && !asksForHelpOnly(said);
}

/** Articles remembered as given (the state's schema caps the list at 50). */
const MAX_SENT_SOLUTIONS = 50;

/** What the policy made of one turn, before the next questions and the status are settled. */
interface TurnOutcome {
  classification: Classification;
  /** The status the turn itself decides (clarify, out-of-scope, handoff, ended), or null to settle from what is known. */
  status: Status | null;
  intentChanged: boolean;
  answered: AnsweredAttribute[];
  act: PolicyAct | null;
  actAttribute: string | null;
  invalidText: string | null;
  /** The question to put again now (explained, or asked again for a value in the wrong format). */
  reask: string | null;
  /** A further question on the request already answered, with nothing new in it to take: searched with its words. */
  followUp: boolean;
}

const NO_CLASSIFICATION: Classification = { ranking: [], outOfScopeScore: 1 };

/** `handoff` and `ended` say what the turn that set them did; the turns after them settle their own status. */
function lastingStatus(status: Status | null): Status | null {
  return status === 'handoff' || status === 'ended' ? null : status;
}

function outcomeOf(state: ConversationState, changes: Partial<TurnOutcome>): TurnOutcome {
  return {
    classification: NO_CLASSIFICATION,
    status: lastingStatus(state.status),
    intentChanged: false,
    answered: [],
    act: null,
    actAttribute: null,
    invalidText: null,
    reask: null,
    followUp: false,
    ...changes,
  };
}

/**
 * A representative's (or bot's) message: the question it asks becomes the pending one, so the answer binds to it; a
 * request it suggests ("Would you like me to book a table?") becomes the offer that the customer's "yes" accepts.
 */
async function representativeTurn(state: ConversationState, text: string, deps: EngineDeps, options: EngineOptions): Promise<TurnOutcome> {
  const intent = currentIntent(state, deps.catalog);
  const asked = intent ? attributeAskedIn(text, intent.attributes) : null;
  if (asked && state.attributes[asked.name] === undefined) {
    state.pending = asked.name;
    if (!state.asked.includes(asked.name)) state.asked.push(asked.name);
  }
  // The customer's next "yes" or "no" answers this message, not what was offered before it.
  state.offer = ANYTHING_ELSE.test(text) ? { kind: 'more' } : null;
  const suggestion = OFFER_QUESTION.exec(text)?.[0];
  if (suggestion && !ANYTHING_ELSE.test(suggestion)) {
    // Most suggestions are a step of the current request ("Would you like me to send a new cable?"): only one that is
    // clearly another request, by the same margin a customer's switch needs, is an offer of it.
    const classification = await deps.ranker.classify(suggestion, options.candidates + 1 + state.rejectedIntents.length, state.rejectedIntents);
    const { decision } = decideAmongKnown(classification, state.rejectedIntents, deps);
    const other = decision.kind === 'intent' && decision.intent !== state.intent?.id ? decision : null;
    const current = classification.ranking.find((score) => score.intent === state.intent?.id)?.confidence ?? 0;
    if (other && other.confidence >= options.switchMinConfidence && other.confidence - current >= options.switchMargin) {
      state.offer = { kind: 'intent', intent: other.intent, by: 'representative' };
    }
  }
  return outcomeOf(state, {});
}

/** A yes/no question that suggests doing something next: "Would you like me to ...?", "Shall I ...?", "Do you want to ...?" */
const OFFER_QUESTION =
  /\b(?:would\s+you\s+(?:like|want|care)|do\s+you\s+(?:want|wish|need)|shall\s+i|should\s+i|can\s+i|may\s+i|(?:do\s+)?you\s+want\s+me\s+to|are\s+you\s+interested\s+in|how\s+about)\b[^.!?]*\?/i;

/** "Anything else I can help with?" */
const ANYTHING_ELSE = /\b(?:anything|something)\s+else\b[^.!]*\?/i;

async function customerTurn(state: ConversationState, text: string, turn: Turn, deps: EngineDeps, options: EngineOptions, now: Date): Promise<TurnOutcome> {
  // Ranked first: a model ranker reads the turn's dialogue acts in the same call, and the act reader serves them.
  const classification = await deps.ranker.classify(text, options.candidates + 1 + state.rejectedIntents.length, state.rejectedIntents);
  const acts = (deps.acts ?? localDialogueActs).read(text);
  const offered = state.offer;
  state.offer = null;
  const selfService = state.phase === 'self-service';

  // Asking for a person hands off, also in a conversation a platform streams in that no one escalated yet.
  if ((acts.asksForPerson && !state.escalated) || (selfService && offered?.kind === 'person' && acts.affirm)) {
    const acceptedOffer = selfService && offered?.kind === 'person' && acts.affirm;
    markHandedOff(state, {
      reason: acts.asksForPerson ? 'the customer asked for a person' : 'the customer accepted the offer of a person',
      kind: handoffKind(state, !acceptedOffer),
    });
    return outcomeOf(state, { status: 'handoff', act: 'handoff' });
  }
  if (offered?.kind === 'intent' && acts.affirm && !acts.deny) {
    state.queuedIntents = state.queuedIntents.filter((id) => id !== offered.intent);
    state.intent = { id: offered.intent, confidence: CHOSEN_CONFIDENCE };
    state.pending = null;
    recordIntentChange(state, turn.at ?? now.toISOString(), { text: deps.mask(cleanText(turn.text, options.maxStoredChars)) });
    // "Yes, for two people at 7pm": what the accepting turn says is read for the accepted request too.
    const answered = takeEarlierMentions(state, state.turnCount, deps, now).concat(
      takeExtractions(state, currentIntent(state, deps.catalog), text, state.turnCount, deps, now, false, acts.correction).map(({ pending: _p, replaced: _r, ...rest }) => rest),
    );
    return outcomeOf(state, { status: null, intentChanged: true, answered, act: 'switched' });
  }
  if (offered?.kind === 'more' && acts.affirm && !acts.deny && wordsIn(text) <= 4) return outcomeOf(state, { act: 'more' });
  // "No", "no thanks", "not right now, I'll think about it" close; "no, but my TV shows E42" is a new request.
  if (offered?.kind === 'more' && (acts.closing || (acts.deny && !asksForAnIntent(classification, state, deps)))) return closeConversation(state);
  // "No, thank you" to what a representative suggested: the customer is done.
  if (offered?.kind === 'intent' && offered.by && acts.deny && acts.closing) return closeConversation(state);
  // A "no" to a representative's suggestion leaves the request as it is; a "no" to the skill's own offer ends it.
  if (offered && offered.kind !== 'more' && !(offered.kind === 'intent' && offered.by) && acts.deny && wordsIn(text) <= 4) {
    if (offered.kind === 'intent') state.queuedIntents = state.queuedIntents.filter((id) => id !== offered.intent);
    // No person, thanks, while a question is open: the question is put again.
    if (offered.kind === 'person' && state.pending) return outcomeOf(state, { reask: state.pending });
    state.offer = { kind: 'more' };
    return outcomeOf(state, { status: 'ended', act: 'declined' });
  }

  // Once handed off, asking for a person is for the representative to read, not a request of the library.
  if (acts.asksForPerson) return outcomeOf(state, {});
  // "Are you a bot?": said plainly, with a person offered; an open question is put again (it was not ignored).
  if (acts.asksIfBot && selfService) {
    if (offered) state.offer = offered;
    return outcomeOf(state, { classification, act: 'introduced', reask: state.pending });
  }
  // Thanks alone once the request is served ends it, as goodbye does, but the reply asks whether there is anything
  // else (a caller such as Copilot Studio takes the conversation back on `ended`; in a direct chat a "no" then closes).
  // Something still to offer (a request the customer also mentioned, a person) is offered instead. Thanks with a
  // question still open changes nothing.
  if (acts.closing === 'thanks' && !state.pending) {
    const next = nextOffer(state, currentIntent(state, deps.catalog));
    if (next) {
      state.offer = next;
      return outcomeOf(state, { act: 'thanked' });
    }
    const closed = closeConversation(state);
    state.offer = { kind: 'more' };
    return { ...closed, act: 'thanked' };
  }
  if (acts.closing === 'goodbye') return closeConversation(state);
  // "Ok", "alright, got it" once the answer is given, with nothing offered: the customer has it; anything else?
  if (selfService && !offered && state.status === 'ready' && acts.affirm && !acts.deny && wordsIn(text) <= ACKNOWLEDGEMENT_WORDS) {
    state.offer = { kind: 'more' };
    return outcomeOf(state, { act: 'acknowledged' });
  }
  if (acts.closing === 'thanks') return outcomeOf(state, { reask: state.pending });
  if (acts.cancel || (await dropsWithoutNewRequest(state, text, acts, deps, options))) {
    state.intent = null;
    state.pending = null;
    state.clarifying = null;
    state.queuedIntents = [];
    // The reply asks whether there is anything else: a "yes" to that is answered, not taken for a request.
    state.offer = { kind: 'more' };
    return outcomeOf(state, { status: 'ended', act: 'cancelled' });
  }
  // "That's not what I meant": the request was taken for something else. The intent is ruled out; with the request
  // meant in the same breath the turn goes on to it, else the next likeliest reading of the words that set the intent
  // is offered, or the customer is asked to say it in other words.
  if (acts.misunderstood && state.intent && selfService) {
    const wrong = state.intent.id;
    if (!state.rejectedIntents.includes(wrong)) state.rejectedIntents.push(wrong);
    state.intent = null;
    state.pending = null;
    state.clarifying = null;
    if (!acts.switchTo) {
      const said = [...state.intentHistory].reverse().find((entry) => entry.intent === wrong)?.text;
      const next = said ? await decideText(said, state, deps, options) : null;
      if (next?.kind === 'intent') state.offer = { kind: 'intent', intent: next.intent };
      return outcomeOf(state, { classification, status: 'out-of-scope', act: 'misunderstood' });
    }
  }
  const turnIndex = state.turnCount;
  const before = state.intent?.id ?? null;
  const pendingBefore = state.pending;
  const previousStatus = state.status;
  const attributesBefore = { ...state.attributes };
  const taken = takeExtractions(state, currentIntent(state, deps.catalog), text, turnIndex, deps, now, true, acts.correction);
  const recorrected = acts.correction && taken.length === 0 ? correctLastAnswer(state, text, turnIndex, deps, now) : null;
  if (recorrected?.kind === 'taken') taken.push(recorrected.value);
  let status: Status | null = null;
  let act: PolicyAct | null = null;
  const intentBefore = state.intent;
  const switched = acts.switchTo ? await explicitSwitch(state, acts.switchTo, deps, options) : false;
  if (switched) act = 'switched';
  else {
    const answers = isAnswer(text, taken, deps.catalog, state, acts.correction) || isValueAttempt(state, text, taken, deps, acts.correction);
    status = decideIntentForTurn(state, text, classification, answers, deps, options);
  }
  const unprompted = !switched && !acts.correction && intentBefore !== null && state.intent !== null && state.intent.id !== intentBefore.id;
  if (unprompted && intentBefore && !(await switchHoldsInContext(state, intentBefore.id, text, deps, options))) {
    state.intent = intentBefore;
  }
  if (!switched && status !== null && !state.intent) status = (await fromClauses(state, text, deps, options)) ?? status;
  await queueOtherRequests(state, text, deps, options, before);

  let answered = taken.map(({ pending: _pending, replaced: _replaced, ...rest }) => rest);
  const intentChanged = (state.intent?.id ?? null) !== before && state.intent !== null;
  if (intentChanged) {
    recordIntentChange(state, turn.at ?? now.toISOString(), {
      text: deps.mask(cleanText(turn.text, options.maxStoredChars)),
      ...(turn.messageId ? { messageId: turn.messageId } : {}),
    });
    // The turn was a new request, not an answer to the old question: what it said is read for the new intent. The
    // question was not ignored but left for another request, so it does not go to the back of the line.
    state.attributes = attributesBefore;
    if (pendingBefore) {
      state.asked = state.asked.filter((name) => name !== pendingBefore);
      state.asks[pendingBefore] = Math.max(0, (state.asks[pendingBefore] ?? 0) - 1);
    }
    state.pending = null;
    answered = takeEarlierMentions(state, turnIndex, deps, now).concat(
      takeExtractions(state, currentIntent(state, deps.catalog), text, turnIndex, deps, now, false, acts.correction).map(({ pending: _p, replaced: _r, ...rest }) => rest),
    );
    return outcomeOf(state, { classification, status, intentChanged, answered, act });
  }

  // A message in another language than the library's, that nothing was understood of: said plainly, with a colleague
  // offered (one may speak it), instead of "I can't help with that".
  if (selfService && taken.length === 0 && (status === null || status === 'out-of-scope') && otherLanguageOf(text, deps.catalog.library.locale)) {
    state.offer = { kind: 'person' };
    return outcomeOf(state, { classification, status, act: 'foreign' });
  }
  // "This is useless", "I already tried that", or a bare "no" to the answer given: what the customer got did not help,
  // and the turn asks for nothing else (no new request, no value). A good agent says sorry and offers a colleague; when
  // the customer is still unhappy after that offer, passes them on.
  if (selfService && taken.length === 0 && !acts.correction && (status === null || status === 'out-of-scope') && isUnhelpedTurn(previousStatus, acts, text)) {
    if (offered?.kind === 'person') {
      markHandedOff(state, { reason: 'self-service did not help the customer', kind: 'gave-up' });
      return outcomeOf(state, { status: 'handoff', act: 'handoff' });
    }
    state.offer = { kind: 'person' };
    return outcomeOf(state, { classification, status, act: 'unhelped' });
  }

  const unanswered = pendingBefore && !taken.some((value) => value.pending) ? currentIntent(state, deps.catalog)?.attributes.find((a) => a.name === pendingBefore) : undefined;
  // "Can I give you my email instead?": the question asked is one they cannot answer; what they offer is asked next
  // when the request has a use for it.
  if (acts.offersInstead && unanswered && status === null) {
    state.pending = null;
    if (!state.declined.includes(unanswered.name)) state.declined.push(unanswered.name);
    const offeredInstead = attributeNamedIn(state, text, taken, deps);
    return outcomeOf(state, { classification, answered, act: 'skipped', actAttribute: unanswered.name, reask: offeredInstead?.name ?? null });
  }
  // "I don't remember the order number" while the date was asked: the value named is the one they cannot give, and
  // the question asked stays open.
  const meant = acts.cannotAnswer === 'unknown' && status === null ? attributeNamedIn(state, text, taken, deps) : undefined;
  if (meant && meant.name !== unanswered?.name) {
    if (!state.declined.includes(meant.name)) state.declined.push(meant.name);
    if (state.pending === meant.name) state.pending = null;
    return outcomeOf(state, { classification, answered, act: 'skipped', actAttribute: meant.name, reask: unanswered?.name ?? null });
  }
  if (unanswered && status === null) {
    const tries = state.asks[unanswered.name] ?? 0;
    // "Why do you need that?": what it is for, and the question again; "hold on, let me find it": the question waits.
    if (acts.asksWhy && taken.length === 0) return outcomeOf(state, { classification, answered, act: 'justified', actAttribute: unanswered.name, reask: unanswered.name });
    if (acts.holdOn && taken.length === 0) return outcomeOf(state, { classification, answered, act: 'waiting', actAttribute: unanswered.name });
    if (acts.cannotAnswer === 'unclear' && tries < MAX_ASKS) {
      return outcomeOf(state, { classification, answered, act: 'explained', actAttribute: unanswered.name, reask: unanswered.name });
    }
    if (acts.cannotAnswer) {
      state.pending = null;
      if (!state.declined.includes(unanswered.name)) state.declined.push(unanswered.name);
      return outcomeOf(state, { classification, answered, act: 'skipped', actAttribute: unanswered.name });
    }
    // Read beside the request's other attributes: "order BL-4471220" fits the order number, it is no wrong return number.
    const malformed = deps.extractor.malformed?.(text, unanswered, { attributes: currentIntent(state, deps.catalog)?.attributes ?? [] }) ?? null;
    if (malformed) {
      if (tries < MAX_ASKS) return outcomeOf(state, { classification, answered, act: 'reasked', actAttribute: unanswered.name, invalidText: malformed, reask: unanswered.name });
      state.pending = null;
      if (!state.declined.includes(unanswered.name)) state.declined.push(unanswered.name);
      return outcomeOf(state, { classification, answered, act: 'skipped', actAttribute: unanswered.name, invalidText: malformed });
    }
  }
  if (recorrected?.kind === 'retracted' && status === null) {
    delete state.attributes[recorrected.attribute];
    state.declined = state.declined.filter((name) => name !== recorrected.attribute);
    return outcomeOf(state, { classification, answered, act: 'retracted', actAttribute: recorrected.attribute, reask: recorrected.attribute });
  }
  if (recorrected?.kind === 'malformed' && status === null) {
    return outcomeOf(state, { classification, answered, act: 'reasked', actAttribute: recorrected.attribute, invalidText: recorrected.text, reask: recorrected.attribute });
  }
  const corrected = taken.find((value) => value.replaced);
  if (corrected) return outcomeOf(state, { classification, status, answered, act: 'corrected', actAttribute: corrected.name });
  const named = status === null ? malformedNamedValue(state, text, taken, deps) : null;
  if (named) return outcomeOf(state, { classification, answered, act: 'reasked', actAttribute: named.attribute.name, invalidText: named.text, reask: named.attribute.name });
  if (!act && acts.smallTalk && !state.intent) act = 'greeted';
  // "I have a problem": nothing to take yet, so the customer is asked what it is about, not told it cannot be helped.
  if (!act && !state.intent && status === 'out-of-scope' && asksForHelpOnly(text)) act = 'prompted';
  // A message that asks something more of the request and changes nothing: searched with its words.
  const asksMore =
    selfService && status === null && act === null && answered.length === 0 && !acts.affirm && !acts.deny && !acts.smallTalk && wordsIn(text) >= FOLLOW_UP_WORDS && isRequest(text);
  const followUp = asksMore && previousStatus === 'ready' && state.intent !== null;
  // "How long do I have to return something?" while the order number is asked: a question on the request, not an
  // answer. It is searched with its words, and the question asked is put again (it was not ignored, so not counted).
  const aside =
    asksMore && previousStatus === 'need-info' && pendingBefore !== null && unanswered !== undefined && state.intent?.id === before &&
    !classification.ranking.some((score) => score.intent !== before && score.confidence >= ANOTHER_REQUEST);
  if (aside) return outcomeOf(state, { classification, answered, act: 'aside', actAttribute: pendingBefore, reask: pendingBefore, followUp: true });
  return outcomeOf(state, { classification, status, answered, act, followUp });
}

/** Words of attribute names that name no kind of value at all. */
const FRAME_WORDS = new Set(['my', 'the', 'of', 'new']);

/** Words too common in attribute names to say which attribute a customer means. */
const GENERIC_NAME_WORDS = new Set(['number', 'code', 'id', 'date', 'time', 'name', 'type', 'value', ...FRAME_WORDS]);

/** Whether the text names the attribute by a word of its own ("order" for the order number; "number" alone is no one's). */
function namesAttribute(said: ReadonlySet<string>, attribute: Attribute): boolean {
  return attributeWords(attribute).some((word) => !GENERIC_NAME_WORDS.has(word) && said.has(word));
}

/** The one attribute of the current intent, still to know and askable, that the text names; none when it names several. */
function attributeNamedIn(state: ConversationState, text: string, taken: readonly TakenValue[], deps: EngineDeps): Attribute | undefined {
  const intent = currentIntent(state, deps.catalog);
  if (!intent) return undefined;
  const said = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const named = intent.attributes.filter(
    (attribute) =>
      state.attributes[attribute.name] === undefined && !taken.some((value) => value.name === attribute.name) && askable(attribute.name, state) && namesAttribute(said, attribute),
  );
  return named.length === 1 ? named[0] : undefined;
}

/**
 * A value the customer names but gives in the wrong form ("serial SN-88213-XK" where serials are two letters and eight
 * digits), for an attribute of the current intent that is still to know: said back with the form expected.
 */
function malformedNamedValue(state: ConversationState, text: string, taken: readonly TakenValue[], deps: EngineDeps): { attribute: Attribute; text: string } | null {
  const intent = currentIntent(state, deps.catalog);
  if (!intent || !deps.extractor.malformed) return null;
  const said = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  for (const attribute of intent.attributes) {
    if (state.attributes[attribute.name] !== undefined || taken.some((value) => value.name === attribute.name) || !askable(attribute.name, state)) continue;
    if (!namesAttribute(said, attribute)) continue;
    const malformed = deps.extractor.malformed(text, attribute, { attributes: intent.attributes });
    if (malformed) return { attribute, text: malformed };
  }
  return null;
}

/**
 * Whether the turn is a try at a value of this request in the wrong form, and little else: "order number is 77120934"
 * while the order number (BL- and seven digits) is asked, "sorry, order 40017723". Such a turn answers; it is not a new
 * request, whatever the words "order number" suggest to the classifier, and the policy says what form is expected.
 */
function isValueAttempt(state: ConversationState, text: string, taken: readonly TakenValue[], deps: EngineDeps, correcting: boolean): boolean {
  const intent = currentIntent(state, deps.catalog);
  if (!intent || !deps.extractor.malformed || taken.some((value) => value.pending)) return false;
  const open = state.pending ? intent.attributes.find((attribute) => attribute.name === state.pending) : undefined;
  const attempt = open ? deps.extractor.malformed(text, open, { attributes: intent.attributes }) : null;
  const tried = open && attempt ? { attribute: open, text: attempt } : malformedNamedValue(state, text, taken, deps);
  if (!tried) return false;
  if (correcting) return true;
  const naming = new Set(attributeWords(tried.attribute));
  const rest = text.split(tried.text).join(' ').replace(FILLER, ' ');
  return (rest.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !naming.has(word.toLowerCase())).length <= 2;
}

function wordsIn(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * "Sorry, I mean RA-483922" with nothing read from it: the customer is correcting the value they gave last, so the
 * turn is read as a new answer to that value's question (the same leniency as an answer); a value in the wrong form
 * is said back with the form expected rather than dropped.
 */
function correctLastAnswer(
  state: ConversationState,
  text: string,
  turnIndex: number,
  deps: EngineDeps,
  now: Date,
): { kind: 'taken'; value: TakenValue } | { kind: 'malformed'; attribute: string; text: string } | { kind: 'retracted'; attribute: string } | null {
  const intent = currentIntent(state, deps.catalog);
  const known = Object.entries(state.attributes)
    .filter(([name]) => intent?.attributes.some((attribute) => attribute.name === name))
    .sort(([, a], [, b]) => b.turn - a.turn)
    .map(([name]) => name);
  // "The date was wrong, it was the 5th": the value the customer names, else the one given last.
  const said = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const knownAttributes = known.flatMap((name) => intent?.attributes.filter((candidate) => candidate.name === name) ?? []);
  const byOwnWord = knownAttributes.filter((attribute) => namesAttribute(said, attribute));
  // A word as plain as "date" names a value too when only one value known has it.
  const byAnyWord = knownAttributes.filter((attribute) => attributeWords(attribute).some((word) => said.has(word) && !FRAME_WORDS.has(word)));
  const named = byOwnWord.length > 0 ? byOwnWord : byAnyWord;
  const last = named.length === 1 ? named[0]?.name : known[0];
  const attribute = intent?.attributes.find((candidate) => candidate.name === last);
  if (!intent || !attribute) return null;
  // "Oops, that was wrong": the value known is wrong, and the right one is still to come.
  if (contentWords(correctionRest(text)).length === 0) return { kind: 'retracted', attribute: attribute.name };
  const pending = state.pending;
  state.pending = attribute.name;
  const [value] = takeExtractions(state, intent, text, turnIndex, deps, now, true, true).filter((taken) => taken.name === attribute.name);
  state.pending = pending;
  if (value) return { kind: 'taken', value: { ...value, pending: false } };
  const malformed = deps.extractor.malformed?.(text, attribute, { attributes: intent.attributes }) ?? null;
  return malformed ? { kind: 'malformed', attribute: attribute.name, text: malformed } : null;
}

/** A turn that alone asks for another intent this surely is a new request whatever came before. */
const SURE_SWITCH = 0.8;

/** "Also ...", "one more thing, ...": what follows is another request. */
const ADDITION = /^\s*(?:(?:oh|and|ok(?:ay)?)[\s,]+)?(?:also|plus|another\s+thing|one\s+more\s+thing|on\s+another\s+note|by\s+the\s+way|btw)\b/i;

function sameGroup(a: string, b: string, catalog: EngineDeps['catalog']): boolean {
  return catalog.intent(a)?.groupId === catalog.intent(b)?.groupId;
}

/**
 * A switch the turn alone suggests (a statement, or a request less than surely) must hold with the request that set the
 * current intent before it: "how long does it usually take?" after "my refund hasn't arrived" is about the refund, while
 * "I want a refund instead" after "where is my order?" is a new request in any context.
 */
async function switchHoldsInContext(state: ConversationState, current: string, text: string, deps: EngineDeps, options: EngineOptions): Promise<boolean> {
  const request = [...state.intentHistory].reverse().find((entry) => entry.intent === current && entry.text)?.text;
  // A statement on the same topic ("it's broken" while a return is under way) tells more of the request made unless,
  // read with it, it is another; a request in its own right ("I want to ...", a question, "also ...") or a statement
  // on another topic ("my new TV won't turn on" while an order is tracked) switches on its own when sure.
  const next = state.intent;
  if (!request || !next) return true;
  if (next.confidence >= SURE_SWITCH && (isRequest(text) || ADDITION.test(text) || !sameGroup(current, next.id, deps.catalog))) return true;
  const decision = await decideText(`${request} ${text}`, state, deps, options);
  return decision?.kind === 'intent' && decision.intent === next.id;
}

/**
 * "Forget it, this is taking too long": a never-mind whose words after it ask for nothing the library has drops the
 * request, as a never-mind alone does ("forget it, I was charged twice" is a new request).
 */
async function dropsWithoutNewRequest(state: ConversationState, text: string, acts: DialogueActs, deps: EngineDeps, options: EngineOptions): Promise<boolean> {
  if (acts.switchTo === null || !(deps.acts ?? localDialogueActs).read(text.replace(acts.switchTo, ' ')).cancel) return false;
  return (await decideText(acts.switchTo, state, deps, options))?.kind !== 'intent';
}

/** The customer said what they want instead: the new request's intent replaces the current one if it is a different one. */
async function explicitSwitch(state: ConversationState, clause: string, deps: EngineDeps, options: EngineOptions): Promise<boolean> {
  const decision = await decideText(clause, state, deps, options);
  if (decision?.kind !== 'intent' || decision.intent === state.intent?.id) return false;
  state.intent = { id: decision.intent, confidence: decision.confidence };
  state.clarifying = null;
  return true;
}

async function decideText(text: string, state: ConversationState, deps: EngineDeps, options: EngineOptions): Promise<IntentDecision | null> {
  const classification = await deps.ranker.classify(text, options.candidates + 1 + state.rejectedIntents.length, state.rejectedIntents);
  return decideAmongKnown(classification, state.rejectedIntents, deps).decision;
}

/** Whether the turn as a whole asks for one of the library's intents. */
function asksForAnIntent(classification: Classification, state: ConversationState, deps: EngineDeps): boolean {
  return decideAmongKnown(classification, state.rejectedIntents, deps).decision.kind === 'intent';
}

/**
 * The customer says the help given does not help: in words ("useless", "I already tried that") once there is
 * something to be unhappy with (an answer, a question, a "can't help with that"), or with a bare "no" to an answer
 * that offered nothing to say no to.
 */
function isUnhelpedTurn(previousStatus: Status | null, acts: DialogueActs, text: string): boolean {
  if (acts.unhelped) return previousStatus !== null && previousStatus !== 'ended' && previousStatus !== 'handoff';
  return acts.deny && previousStatus === 'ready' && wordsIn(text) <= 3;
}

/** The request is done; it stays in the intent history for the record. */
function closeConversation(state: ConversationState): TurnOutcome {
  state.intent = null;
  state.pending = null;
  state.clarifying = null;
  return outcomeOf(state, { status: 'ended', act: 'closed' });
}

/** A verb of what customers ask a service to do. */
const REQUEST_VERB =
  /(?:can|could|would|please|help|cancel|close|change|update|return|refund|track|check|reset|delete|add|remove|book|order|pay|fix|send|get|find|tell|switch|upgrade|downgrade|renew|transfer|open|report|replace|exchange)\b/;
/** What starts a second request after "and": a person asking, or a verb of what customers ask a service to do. */
const SECOND_REQUEST = new RegExp(String.raw`(?:i\b|${REQUEST_VERB.source})`);
const CLAUSE_BREAK = new RegExp(String.raw`[.!?;]+\s+|\n+|,?\s+(?:and\s+)?also\s+|,\s*(?:but|plus)\s+|,?\s+and\s+(?:then\s+)?(?=${SECOND_REQUEST.source})`, 'i');

/** A clause that asks for something (a question, "I want ...", "please ...", an imperative), not one that tells a story. */
const REQUEST_FORM = new RegExp(
  String.raw`^(?:(?:hi|hello|hey|ok(?:ay)?|so|and|also|then|but|please|pls)[\s,!.]*)*(?:` +
    String.raw`i\s+(?:just\s+|really\s+|also\s+)?(?:want|need|would\s+like|'d\s+like|wanna|wish)|i(?:'|’)d\s+like|` +
    String.raw`(?:where|when|why|how|what|which|who|can|could|would|will|is|are|do|does|did|have|has|may)|` +
    // The verbs of requests, without a bare "I" (which starts a second request after "and"): "I bought it yesterday"
    // tells; "I want ..." (above) asks.
    REQUEST_VERB.source +
    String.raw`)`,
  'i',
);

function isRequest(clause: string): boolean {
  return clause.includes('?') || REQUEST_FORM.test(clause) || PLEASE.test(clause);
}

/** "Just the return please": a request whatever its form. */
const PLEASE = /\b(?:please|pls|plz)\b/i;

/** Sentences and "and"-joined requests of a turn, each long enough to state a request on its own; at most three. */
function clausesOf(text: string): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => wordsIn(clause) >= 3)
    .slice(0, 3);
}

/**
 * A turn whole that fits no intent clearly ("hi, I bought headphones last week and they stopped charging. I want my
 * money back") may still hold one clear request in one of its sentences: the clearest one is taken.
 */
async function fromClauses(state: ConversationState, text: string, deps: EngineDeps, options: EngineOptions): Promise<Status | null> {
  const clauses = clausesOf(text);
  if (clauses.length < 2) return null;
  let best: { intent: string; confidence: number; request: boolean } | null = null;
  for (const clause of clauses) {
    const decision = await decideText(clause, state, deps, options);
    if (decision?.kind !== 'intent') continue;
    const candidate = { intent: decision.intent, confidence: decision.confidence, request: isRequest(clause) };
    // A clause that asks for something beats one that tells what happened; among equals the clearer one wins.
    if (!best || Number(candidate.request) - Number(best.request) > 0 || (candidate.request === best.request && candidate.confidence > best.confidence)) best = candidate;
  }
  if (!best) return null;
  state.intent = { id: best.intent, confidence: best.confidence };
  state.clarifying = null;
  return null;
}

/** Other clear requests in the same turn ("cancel my order and close my account"): offered once the current one is done. */
async function queueOtherRequests(state: ConversationState, text: string, deps: EngineDeps, options: EngineOptions, before: string | null): Promise<void> {
  const clauses = clausesOf(text);
  if (clauses.length < 2 || !state.intent) return;
  const asked: Array<{ id: string; confidence: number }> = [];
  for (const clause of clauses.filter(isRequest)) {
    const decision = await decideText(clause, state, deps, options);
    if (decision?.kind === 'intent' && !asked.some((request) => request.id === decision.intent)) asked.push({ id: decision.intent, confidence: decision.confidence });
  }
  const first = asked[0];
  // A new request made with others is taken in the order the customer gave them.
  if (first && asked.length > 1 && state.intent.id !== before && first.id !== state.intent.id) state.intent = { ...first };
  const current = state.intent.id;
  for (const request of asked) {
    if (request.id !== current && !state.queuedIntents.includes(request.id)) state.queuedIntents.push(request.id);
  }
  state.queuedIntents.splice(MAX_QUEUED);
}

/** The customer turns that ended out of scope or in a clarification question, as the insights count them. */
function countOutcome(state: ConversationState): void {
  if (state.status === 'out-of-scope') state.outOfScopeTurns += 1;
  else if (state.status === 'clarify') state.clarifyTurns += 1;
}

/**
 * Why a customer's hand-off happened: nothing in the library fitted what they said (no intent, and the service said
 * so); they accepted the person the policy offered when a required value could not be had (it gave up); or they asked.
 */
function handoffKind(state: ConversationState, asked: boolean): HandoffKind {
  if (!state.intent && state.outOfScopeTurns > 0) return 'out-of-scope';
  return asked ? 'asked' : 'gave-up';
}

/** Once a request is done: the next one the customer mentioned, or a person when a required value could not be had. */
function nextOffer(state: ConversationState, intent: Intent | undefined): ConversationState['offer'] {
  const queued = state.queuedIntents.find((id) => id !== state.intent?.id);
  if (queued) return { kind: 'intent', intent: queued };
  if (intent && unanswerable(intent, state).length > 0) return { kind: 'person' };
  return null;
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
  const { decision } = decideAmongKnown(classification, state.rejectedIntents, deps);
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
  /** It replaced a different value known before (a correction). */
  replaced: boolean;
}

const FILLER = /\b(?:it'?s|it is|its|is|my|the|a|an|that'?s|number|code|yes|yeah|yep|no|nope|sure|ok|okay|here|you go|sorry|um+|uh+|thanks?|thank you)\b/gi;

/** The words of an attribute's name and label, in lower case: "cardLast4" gives card, last, 4. */
function attributeWords(attribute: Attribute | undefined): string[] {
  if (!attribute) return [];
  return `${attributeLabel(attribute)} ${attribute.name.replace(/([a-z])([A-Z0-9])/g, '$1 $2')}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Whether the turn answers rather than asks: it gave a typed value for the pending question, or values
 * for the current intent with hardly any other words ("it's a TV40118273"). Such a turn keeps the intent.
 */
function isAnswer(text: string, taken: readonly TakenValue[], catalog: Catalog, state: ConversationState, correcting: boolean): boolean {
  const intentId = state.intent?.id;
  if (!intentId) return false;
  // "Sorry, I gave you the wrong order number, it's BL-2210485" corrects a value of this request, whatever else it says.
  if (correcting && taken.some((value) => value.replaced)) return true;
  // A statement that answers a free-text question ("they crackle on the left side") is not a new request.
  const pending = state.pending ? catalog.attribute(intentId, state.pending) : undefined;
  if (pending?.type === 'text' && taken.some((value) => value.pending) && !isRequest(text)) return true;
  // A free-text answer takes whatever was said, so only typed values show that the turn was an answer.
  const typed = taken.filter((value) => catalog.attribute(intentId, value.name)?.type !== 'text');
  if (typed.length === 0) return false;
  if (typed.some((value) => value.pending)) return true;
  // "Where is my order BL-1234567?" asks: the value it gives does not make it an answer.
  if (isRequest(text)) return false;
  let rest = text;
  for (const value of typed) rest = rest.split(value.text).join(' ');
  // Words that name the attribute ("my card ends in 4242", "serial TV40118273") say what the value is, not a new request.
  const naming = new Set(typed.flatMap((value) => attributeWords(catalog.attribute(intentId, value.name))));
  // Counted without function words: "it was on March 3rd, 49.99 each time" says nothing but its values.
  const words = contentWords(rest.replace(FILLER, ' ')).filter((word) => !naming.has(word.toLowerCase()));
  return words.length <= 2;
}

/**
 * A bare value of another attribute, given right after a free-text question, answers that question when the other
 * attribute is known already with a different value: "jon.doe@newmail.example" after "What should we change it to?"
 * is the new value, not a second current email. An unknown attribute keeps it ("E42" after "What's wrong with it?"
 * is the error code), and so does a correction ("sorry, the current one is ...").
 */
function answerToOpenQuestion(extraction: Extraction, found: readonly Extraction[], pending: string, intent: Intent, state: ConversationState, text: string): Extraction {
  const open = intent.attributes.find((attribute) => attribute.name === pending);
  if (open?.type !== 'text' || found.length !== 1 || extraction.attribute === pending) return extraction;
  const known = state.attributes[extraction.attribute];
  if (!known || known.value === extraction.value) return extraction;
  if (wordsIn(text.split(extraction.text).join(' ')) > 3) return extraction;
  return { ...extraction, attribute: pending, value: extraction.text };
}

/**
 * Runs the extractors for the intent's attributes over the text and stores what they find. A value bound to
 * the pending question, surer than the one known, or given as a correction ("sorry, I meant ...") replaces it.
 */
/** A value read this surely (a value of the attribute's own list, a pattern it fits) replaces an earlier one. */
const SURE_VALUE = 0.8;

function takeExtractions(
  state: ConversationState,
  intent: Intent | undefined,
  text: string,
  turnIndex: number,
  deps: EngineDeps,
  now: Date,
  bindPending: boolean,
  correcting = false,
): TakenValue[] {
  if (!intent || text === '') return [];
  const pending = bindPending && state.pending && intent.attributes.some((a) => a.name === state.pending) ? state.pending : undefined;
  const extracted = deps.extractor.extract(text, intent.attributes, {
    now,
    ...(pending ? { pendingAttribute: pending } : {}),
    ...(deps.defaultRegion ? { defaultRegion: deps.defaultRegion } : {}),
  });
  const found = extracted.map((extraction) => (pending && !correcting ? answerToOpenQuestion(extraction, extracted, pending, intent, state, text) : extraction));
  const taken: TakenValue[] = [];
  for (const extraction of found) {
    const isPending = extraction.attribute === pending;
    const known = state.attributes[extraction.attribute];
    // A known value gives way to the answer to its question, to a surer or a sure reading (what the customer says now,
    // plainly, is what they want now: "and the balance in my savings?" after checking), or to the customer correcting it.
    if (known && !isPending && !correcting && known.confidence > extraction.confidence && extraction.confidence < SURE_VALUE) continue;
    state.attributes[extraction.attribute] = knownValue(extraction, turnIndex, state.phase);
    taken.push({
      name: extraction.attribute,
      value: extraction.value,
      text: extraction.text,
      confidence: extraction.confidence,
      pending: isPending,
      replaced: known !== undefined && known.value !== extraction.value,
    });
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
function rememberTurn(state: ConversationState, turn: Turn, now: Date, deps: EngineDeps, options: EngineOptions, missable: boolean): void {
  state.turns.push({
    role: turn.role,
    text: deps.mask(cleanText(turn.text, options.maxStoredChars)),
    at: turn.at ?? now.toISOString(),
    ...(turn.messageId ? { messageId: turn.messageId } : {}),
    ...(missable && (state.status === 'out-of-scope' || state.status === 'clarify') ? { missed: state.status } : {}),
  });
  if (turn.messageId) state.messageIds.push(turn.messageId);
}

function clarifyQuestion(between: readonly string[], catalog: Catalog): string {
  const names = between.map((id) => catalog.intent(id)?.name.toLowerCase() ?? id);
  return `Just to be sure I help with the right thing: is it about ${names[0]}, or ${names[1]}?`;
}
