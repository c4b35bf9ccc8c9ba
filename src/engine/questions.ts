import type { AttributeType, Intent } from '../library/schema.js';
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
  return intent.attributes
    .filter((attribute) => state.attributes[attribute.name] === undefined && askable(attribute.name, state))
    .map((attribute, index) => ({ attribute, index }))
    .sort(
      (a, b) =>
        Number(asked.has(a.attribute.name)) - Number(asked.has(b.attribute.name)) ||
        Number(b.attribute.required) - Number(a.attribute.required) ||
        b.attribute.weight - a.attribute.weight ||
        a.index - b.index,
    )
    .map(({ attribute }) => ({
      attribute: attribute.name,
      question: attribute.question,
      type: attribute.type,
      required: attribute.required,
      ...(attribute.values ? { values: attribute.values } : {}),
    }));
}

/** Whether a required value is still to ask (one the customer cannot give does not hold the conversation up). */
export function missingRequired(intent: Intent, state: QuestionState): boolean {
  return intent.attributes.some((attribute) => attribute.required && state.attributes[attribute.name] === undefined && askable(attribute.name, state));
}

/** Required values the customer cannot give: they said so, or the question was asked twice without an answer. */
export function unanswerable(intent: Intent, state: QuestionState): string[] {
  return intent.attributes
    .filter((attribute) => attribute.required && state.attributes[attribute.name] === undefined && !askable(attribute.name, state))
    .map((attribute) => attribute.name);
}
