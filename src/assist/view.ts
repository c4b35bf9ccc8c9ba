import type { Catalog } from '../library/catalog.js';
import type { Insight, IntentView } from '../engine/insight.js';
import { nextQuestions } from '../engine/questions.js';
import type { ConversationState, Phase, Status } from '../engine/state.js';
import { intentView } from '../engine/step.js';
import type { Solution } from '../knowledge/types.js';
import type { AttributeValue } from '../nlu/types.js';

export interface EarlierIntent extends IntentView {
  at: string;
  /** The customer message that led to this intent. */
  text?: string;
  rejected: boolean;
}

export interface KnownAttribute {
  name: string;
  description: string;
  value: AttributeValue;
  text: string;
  /** self-service: gathered before the hand-off; handoff: carried over by the platform; assisted: in this conversation. */
  source: 'self-service' | 'handoff' | 'assisted';
}

export interface SuggestedQuestion {
  attribute: string;
  question: string;
  required: boolean;
  asked: boolean;
  answered: boolean;
  answer?: string;
}

export interface SuggestedResponses {
  /** model: written by Azure OpenAI; derived: built from the intent's instructions and the next question. */
  source: 'model' | 'derived';
  items: string[];
  /** The intent's instructions for representatives, when the library has them. */
  guidance?: string;
}

export interface TurnView {
  role: 'customer' | 'agent' | 'bot';
  text: string;
  at?: string;
  messageId?: string;
}

/** Everything the representative's page shows for one conversation, in the order it shows it. */
export interface AssistView {
  conversationId: string;
  phase: Phase;
  escalated: boolean;
  status: Status | null;
  intent: IntentView | null;
  earlierIntents: EarlierIntent[];
  known: KnownAttribute[];
  questions: SuggestedQuestion[];
  responses: SuggestedResponses;
  solutions: Solution[];
  rejectedIntents: string[];
  turns: TurnView[];
  turnCount: number;
  updatedAt: string;
}

/** The view of a stored conversation; pure, so every open page and the list see the same thing. */
export function buildView(state: ConversationState, catalog: Catalog, responses?: SuggestedResponses): AssistView {
  const intent = state.intent ? catalog.intent(state.intent.id) : undefined;
  const current = state.intent ? intentView(state.intent.id, state.intent.confidence, catalog) : null;
  return {
    conversationId: state.conversationId,
    phase: state.phase,
    escalated: state.escalated,
    status: state.status,
    intent: current,
    earlierIntents: earlierIntents(state, catalog),
    known: Object.entries(state.attributes).map(([name, known]) => ({
      name,
      description: (state.intent ? catalog.attribute(state.intent.id, name)?.description : undefined) ?? '',
      value: known.value,
      text: known.text,
      source: known.source,
    })),
    questions: intent ? questionsFor(state, intent) : [],
    responses: responses ?? derivedResponses(state, catalog),
    solutions: state.solutions,
    rejectedIntents: state.rejectedIntents,
    turns: state.turns.map(({ role, text, at, messageId }) => ({ role, text, ...(at ? { at } : {}), ...(messageId ? { messageId } : {}) })),
    turnCount: state.turnCount,
    updatedAt: state.updatedAt,
  };
}

function earlierIntents(state: ConversationState, catalog: Catalog): EarlierIntent[] {
  const history = state.intentHistory.slice(0, state.intent ? -1 : undefined);
  return history
    .map((entry): EarlierIntent | null => {
      const view = intentView(entry.intent, entry.confidence, catalog);
      if (!view) return null;
      return { ...view, at: entry.at, ...(entry.text ? { text: entry.text } : {}), rejected: state.rejectedIntents.includes(entry.intent) };
    })
    .filter((entry): entry is EarlierIntent => entry !== null)
    .reverse();
}

type IntentOf = NonNullable<ReturnType<Catalog['intent']>>;

function questionsFor(state: ConversationState, intent: IntentOf): SuggestedQuestion[] {
  const open = nextQuestions(intent, state).map((question) => ({
    attribute: question.attribute,
    question: question.question,
    required: question.required,
    asked: state.asked.includes(question.attribute),
    answered: false,
  }));
  const answered = intent.attributes
    .filter((attribute) => state.attributes[attribute.name] !== undefined)
    .map((attribute) => ({
      attribute: attribute.name,
      question: attribute.question,
      required: attribute.required,
      asked: state.asked.includes(attribute.name),
      answered: true,
      answer: state.attributes[attribute.name]?.text || String(state.attributes[attribute.name]?.value),
    }));
  return [...open, ...answered];
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

/** The Insight a stored conversation implies, for the response suggester when no step ran (reject, search again). */
export function insightOf(state: ConversationState, catalog: Catalog): Insight {
  const intent = state.intent ? catalog.intent(state.intent.id) : undefined;
  return {
    status: state.status ?? 'out-of-scope',
    intent: state.intent ? intentView(state.intent.id, state.intent.confidence, catalog) : null,
    candidates: [],
    clarifyQuestion: null,
    intentChanged: false,
    answered: [],
    nextQuestions: intent ? nextQuestions(intent, state) : [],
    query: state.query,
    solutions: state.solutions,
    solutionsAvailable: true,
  };
}
