import type { AttributeType, Intent } from '../library/schema.js';
import type { ConversationState } from './state.js';

export interface NextQuestion {
  attribute: string;
  question: string;
  type: AttributeType;
  required: boolean;
  values?: string[];
}

/**
 * The questions still worth asking for the intent, in order: required first, then by weight
 * (how often agents ask it); a question asked but not answered goes after the ones never asked,
 * so a customer who ignored it is not asked the same thing turn after turn. Answered ones never come back.
 */
export function nextQuestions(intent: Intent, state: Pick<ConversationState, 'attributes' | 'asked'>): NextQuestion[] {
  const asked = new Set(state.asked);
  return intent.attributes
    .filter((attribute) => state.attributes[attribute.name] === undefined)
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

export function missingRequired(intent: Intent, state: Pick<ConversationState, 'attributes'>): boolean {
  return intent.attributes.some((attribute) => attribute.required && state.attributes[attribute.name] === undefined);
}
