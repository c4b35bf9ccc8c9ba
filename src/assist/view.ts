import { intentView, type IntentView } from '../engine/insight.js';
import { nextQuestions } from '../engine/questions.js';
import type { ConversationState, Phase, Status } from '../engine/state.js';
import type { Solution } from '../knowledge/types.js';
import type { Catalog } from '../library/catalog.js';
import { attributeTitle, valueLabel } from '../library/formats.js';
import { resolveRoute, type Route } from '../library/routing.js';
import type { Attribute } from '../library/schema.js';
import type { AttributeValue } from '../nlu/types.js';
import { derivedResponses, type SuggestedResponses } from './suggestions.js';

/** Earlier intents the view lists, newest first (the state keeps a few more: src/engine/state.ts STATE_LIMITS). */
export const VIEW_EARLIER_INTENTS = 10;

export interface EarlierIntent extends IntentView {
  at: string;
  /** The customer message that led to this intent. */
  text?: string;
  rejected: boolean;
}

export interface KnownAttribute {
  name: string;
  /** What the page shows for the attribute: its label in the library ("Order number"), or its name in words. */
  label: string;
  description: string;
  value: AttributeValue;
  /** What the page shows for the value: an enum value's label ("Credit card" for credit-card), otherwise the value as text. */
  valueLabel: string;
  text: string;
  /** self-service: gathered before the hand-off; handoff: carried over by the platform; assisted: in this conversation. */
  source: 'self-service' | 'handoff' | 'assisted';
}

export interface SuggestedQuestion {
  attribute: string;
  /** The attribute as the page shows it ("Order number"). */
  label: string;
  question: string;
  required: boolean;
  asked: boolean;
  answered: boolean;
  answer?: string;
}

/** How a representative's reply that this service delivers fared: sending, delivered, or failed and why. */
export interface DeliveryView {
  status: 'sending' | 'delivered' | 'failed';
  reason?: string;
}

export interface TurnView {
  role: 'customer' | 'agent' | 'bot';
  text: string;
  at?: string;
  messageId?: string;
  /** Only on replies sent from the page (POST .../replies); a platform's own messages have none. */
  delivery?: DeliveryView;
}

/** Everything the representative's page shows for one conversation, in the order it shows it. */
export interface AssistView {
  conversationId: string;
  phase: Phase;
  escalated: boolean;
  /** While the conversation is with a representative: when and why it was handed off. */
  handoff: { at: string; reason?: string } | null;
  /**
   * The channel a reply sent from the page reaches the customer on (`msteams`, `directline`, ...); null when this service
   * cannot reach them (a contact-center platform's or a skill caller's conversation): reply there instead.
   */
  replyChannel: string | null;
  status: Status | null;
  intent: IntentView | null;
  /** Where a contact-center router sends the conversation for its current intent: group, line of business, queue, skills, priority. */
  route: Route | null;
  /** The latest intents before the current one, newest first, at most VIEW_EARLIER_INTENTS. */
  earlierIntents: EarlierIntent[];
  known: KnownAttribute[];
  questions: SuggestedQuestion[];
  responses: SuggestedResponses;
  solutions: Solution[];
  rejectedIntents: string[];
  /** The representative's latest rating of how self-service understood the conversation, null before one is given. */
  feedback: 'down' | 'up' | null;
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
    handoff: state.escalated && state.handoff ? { ...state.handoff } : null,
    replyChannel: state.conversationReference?.channelId ?? null,
    status: state.status,
    intent: current,
    route: state.intent ? resolveRoute(catalog, state.intent.id) : null,
    earlierIntents: earlierIntents(state, catalog),
    known: Object.entries(state.attributes).map(([name, known]) => {
      // A value can outlive its intent (the customer moved on): it is still shown, named by its name.
      const attribute = state.intent ? catalog.attribute(state.intent.id, name) : undefined;
      return {
        name,
        label: attributeTitle(attribute ?? { name }),
        description: attribute?.description ?? '',
        value: known.value,
        valueLabel: shownValue(attribute, known.value),
        text: known.text,
        source: known.source,
      };
    }),
    questions: intent ? questionsFor(state, intent) : [],
    responses: responses ?? derivedResponses(state, catalog),
    solutions: state.solutions,
    rejectedIntents: state.rejectedIntents,
    feedback: state.feedback.at(-1)?.rating ?? null,
    turns: state.turns.map(({ role, text, at, messageId, delivery }) => ({
      role,
      text,
      ...(at ? { at } : {}),
      ...(messageId ? { messageId } : {}),
      ...(delivery ? { delivery: { status: delivery.status, ...(delivery.reason ? { reason: delivery.reason } : {}) } } : {}),
    })),
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
    .reverse()
    .slice(0, VIEW_EARLIER_INTENTS);
}

type IntentOf = NonNullable<ReturnType<Catalog['intent']>>;

function questionsFor(state: ConversationState, intent: IntentOf): SuggestedQuestion[] {
  const labels = new Map(intent.attributes.map((attribute) => [attribute.name, attributeTitle(attribute)]));
  const open = nextQuestions(intent, state).map((question) => ({
    attribute: question.attribute,
    label: labels.get(question.attribute) ?? attributeTitle({ name: question.attribute }),
    question: question.question,
    required: question.required,
    asked: state.asked.includes(question.attribute),
    answered: false,
  }));
  const answered = intent.attributes
    .filter((attribute) => state.attributes[attribute.name] !== undefined)
    .map((attribute) => ({
      attribute: attribute.name,
      label: attributeTitle(attribute),
      question: attribute.question,
      required: attribute.required,
      asked: state.asked.includes(attribute.name),
      answered: true,
      answer: state.attributes[attribute.name]?.text || String(state.attributes[attribute.name]?.value),
    }));
  return [...open, ...answered];
}

function shownValue(attribute: Attribute | undefined, value: AttributeValue): string {
  if (attribute?.type === 'enum' && typeof value === 'string') return valueLabel(attribute, value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}
