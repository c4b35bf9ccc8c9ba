import type { Solution } from '../knowledge/types.js';
import type { Catalog } from '../library/catalog.js';
import type { AttributeValue } from '../nlu/types.js';
import { nextQuestions, unanswerable, type NextQuestion } from './questions.js';
import type { ConversationState, Status } from './state.js';

export interface IntentView {
  id: string;
  name: string;
  groupId: string;
  groupName: string;
  confidence: number;
}

export interface AnsweredAttribute {
  name: string;
  value: AttributeValue;
  text: string;
  confidence: number;
}

/**
 * What the policy did with a customer turn, beyond taking values and asking the next question: the reply says it.
 * handoff: passed to a person; closed: thanks or goodbye; cancelled: never mind; greeted: small talk; explained: the
 * question asked again with what it means; reasked: a value in the wrong format, asked again with what is expected;
 * skipped: a question the customer cannot answer, left; switched: the customer changed their mind about what they want;
 * declined: the customer said no to what was offered; corrected: a value given before was replaced by a different one;
 * thanked: thanks alone, answered with "anything else?"; more: yes, there is something else; unhelped: the customer
 * said what they were given does not help, answered with an apology and the offer of a person; justified: the question
 * asked again with why it is needed; waiting: the customer asked for a moment, the question stays open; misunderstood:
 * the customer said the request was taken for something else, the intent is dropped (and the next likeliest offered);
 * retracted: the customer said a value given was wrong without the right one, it is dropped and asked again; foreign:
 * the message is in another language than the library's, a colleague is offered; exhausted: a follow-up on a request
 * already answered found nothing, a colleague is offered; pointed: an article given already answers the follow-up;
 * acknowledged: "ok" to the answer, answered with "anything else?"; aside: a question of the customer's while a question
 * is open, answered with articles found for it (or pointed / exhausted as for a follow-up) and the open question again;
 * introduced: "are you a bot?", answered plainly with a person offered, and the open question again; prompted: help
 * asked for without saying with what ("I have a problem"), answered with "what is it about?".
 */
export const policyActs = ['handoff', 'closed', 'cancelled', 'greeted', 'explained', 'reasked', 'skipped', 'switched', 'declined', 'corrected', 'thanked', 'more', 'unhelped', 'justified', 'waiting', 'misunderstood', 'retracted', 'foreign', 'exhausted', 'pointed', 'acknowledged', 'aside', 'introduced', 'prompted'] as const;
export type PolicyAct = (typeof policyActs)[number];

/** What the skill offers the customer next, so that their "yes" or "no" answers it. */
export type Offer = { kind: 'person' } | { kind: 'intent'; intent: IntentView };

/** What a transition tells its caller: the skill, the chat, the representative's page. */
export interface Insight {
  status: Status;
  intent: IntentView | null;
  /** Runner-up intents of this turn, best first, excluding the current one and rejected ones. */
  candidates: IntentView[];
  /** Set when status is clarify: a question that tells the two candidates apart. */
  clarifyQuestion: string | null;
  intentChanged: boolean;
  answered: AnsweredAttribute[];
  nextQuestions: NextQuestion[];
  query: string | null;
  solutions: Solution[];
  /** False when the knowledge search failed or timed out this turn; questions are still returned. */
  solutionsAvailable: boolean;
  /**
   * Whether the customer has not been given `solutions` this way yet: they differ from those of the turn before, or
   * they come as the answer (`ready`) for the first time. A reply need not send the same articles twice.
   */
  solutionsNew: boolean;
  /** What the policy did with the turn, when more than taking values and asking on. */
  act: PolicyAct | null;
  /** The attribute the act is about: the question explained, re-asked or skipped. */
  actAttribute: string | null;
  /** The customer's words that looked like a value of `actAttribute` but do not fit it (act `reasked`). */
  invalidText: string | null;
  /** Required values the customer cannot give; the reply offers a person. */
  unanswerable: string[];
  offer: Offer | null;
}

export function intentView(id: string, confidence: number, catalog: Catalog): IntentView | null {
  const intent = catalog.intent(id);
  if (!intent) return null;
  const group = catalog.group(intent.groupId);
  return { id, name: intent.name, groupId: intent.groupId, groupName: group?.name ?? intent.groupId, confidence };
}

/** What a transition adds to the insight the state itself implies. */
export type InsightDetails = Partial<
  Pick<Insight, 'candidates' | 'clarifyQuestion' | 'intentChanged' | 'answered' | 'nextQuestions' | 'solutionsAvailable' | 'solutionsNew' | 'act' | 'actAttribute' | 'invalidText'>
>;

/** The insight of a conversation as it stands after a transition, with what that transition found. */
export function insightOf(state: ConversationState, catalog: Catalog, details: InsightDetails = {}): Insight {
  const intent = state.intent ? catalog.intent(state.intent.id) : undefined;
  return {
    status: state.status ?? 'out-of-scope',
    intent: state.intent ? intentView(state.intent.id, state.intent.confidence, catalog) : null,
    candidates: details.candidates ?? [],
    clarifyQuestion: details.clarifyQuestion ?? null,
    intentChanged: details.intentChanged ?? false,
    answered: details.answered ?? [],
    nextQuestions: details.nextQuestions ?? (intent ? nextQuestions(intent, state) : []),
    query: state.query,
    solutions: state.solutions,
    solutionsAvailable: details.solutionsAvailable ?? true,
    solutionsNew: details.solutionsNew ?? false,
    act: details.act ?? null,
    actAttribute: details.actAttribute ?? null,
    invalidText: details.invalidText ?? null,
    unanswerable: intent ? unanswerable(intent, state) : [],
    offer: offerView(state, catalog),
  };
}

function offerView(state: ConversationState, catalog: Catalog): Offer | null {
  if (!state.offer) return null;
  if (state.offer.kind === 'person') return { kind: 'person' };
  // "Anything else?" is the reply's own question, not something to accept.
  if (state.offer.kind === 'more') return null;
  const intent = intentView(state.offer.intent, 1, catalog);
  return intent ? { kind: 'intent', intent } : null;
}
