import type { Attribute, AttributeType, Intent } from '../library/schema.js';
import type { ConversationState } from './state.js';

export interface NextQuestion {
  attribute: string;
  question: string;
  type: AttributeType;
  required: boolean;
  values?: string[];
}

/** A question is put to the customer at most this many times; then it counts as one they cannot answer. */
export const MAX_ASKS = 2;

type QuestionState = Pick<ConversationState, 'attributes' | 'asked'> & Partial<Pick<ConversationState, 'declined' | 'asks'>>;

/** Whether the attribute's question may still be put: the customer did not say they cannot answer it, and it was asked fewer than MAX_ASKS times. */
export function askable(name: string, state: QuestionState): boolean {
  return !(state.declined ?? []).includes(name) && (state.asks?.[name] ?? 0) < MAX_ASKS;
}

/**
 * The questions still worth asking for the intent, in order: required first, then by weight
 * (how often agents ask it); a question asked but not answered goes after the ones never asked,
 * so a customer who ignored it is not asked the same thing turn after turn. Answered ones never come back,
 * nor do ones the customer cannot answer (they said so, or it was asked twice).
 */
export function nextQuestions(intent: Intent, state: QuestionState): NextQuestion[] {
  const asked = new Set(state.asked);
  const required = requiredNow(intent, state);
  return intent.attributes
    .filter((attribute) => state.attributes[attribute.name] === undefined && askable(attribute.name, state))
    .map((attribute, index) => ({ attribute, index }))
    .sort(
      (a, b) =>
        Number(asked.has(a.attribute.name)) - Number(asked.has(b.attribute.name)) ||
        Number(required.has(b.attribute.name)) - Number(required.has(a.attribute.name)) ||
        b.attribute.weight - a.attribute.weight ||
        a.index - b.index,
    )
    .map(({ attribute }) => ({
      attribute: attribute.name,
      question: attribute.question,
      type: attribute.type,
      required: required.has(attribute.name),
      ...(attribute.values ? { values: attribute.values } : {}),
    }));
}

/** Types of values that identify what the customer is asking about (an order, an account, a device). */
const IDENTIFYING: ReadonlySet<Attribute['type']> = new Set(['identifier', 'email', 'phone']);

/**
 * When the customer cannot give a required identifying value (an order number), an optional one of the intent (the
 * email on the order) stands in for it, as an agent would look the case up another way: the first such attribute that
 * is known or can still be asked, and stands in for no other.
 */
function standIn(attribute: Attribute, intent: Intent, state: QuestionState, taken: ReadonlySet<string>): Attribute | undefined {
  return intent.attributes.find(
    (other) =>
      other !== attribute &&
      !other.required &&
      IDENTIFYING.has(other.type) &&
      !taken.has(other.name) &&
      (state.attributes[other.name] !== undefined || askable(other.name, state)),
  );
}

function cannotHave(attribute: Attribute, state: QuestionState): boolean {
  return state.attributes[attribute.name] === undefined && !askable(attribute.name, state);
}

/** The attributes required now: the intent's required ones, and the stand-ins for those the customer cannot give. */
export function requiredNow(intent: Intent, state: QuestionState): Set<string> {
  const names = new Set(intent.attributes.filter((attribute) => attribute.required).map((attribute) => attribute.name));
  for (const attribute of intent.attributes) {
    if (!attribute.required || !IDENTIFYING.has(attribute.type) || !cannotHave(attribute, state)) continue;
    const other = standIn(attribute, intent, state, names);
    if (other) names.add(other.name);
  }
  return names;
}

/** Whether a required value is still to ask (one the customer cannot give does not hold the conversation up). */
export function missingRequired(intent: Intent, state: QuestionState): boolean {
  const required = requiredNow(intent, state);
  return intent.attributes.some((attribute) => required.has(attribute.name) && state.attributes[attribute.name] === undefined && askable(attribute.name, state));
}

/** Required values the customer cannot give (they said so, or two asks failed) and nothing can stand in for. */
export function unanswerable(intent: Intent, state: QuestionState): string[] {
  const required = requiredNow(intent, state);
  return intent.attributes
    .filter((attribute) => required.has(attribute.name) && cannotHave(attribute, state))
    .filter((attribute) => !(attribute.required && IDENTIFYING.has(attribute.type) && standIn(attribute, intent, state, new Set())))
    .map((attribute) => attribute.name);
}
