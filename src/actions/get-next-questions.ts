import { z } from 'zod';
import type { Catalog } from '../library/catalog.js';
import { missingRequired, nextQuestions } from '../engine/questions.js';
import type { ConversationState } from '../engine/state.js';
import type { Intent } from '../library/schema.js';
import { commonOutput, conversationInput, questionFields, questionOutput } from './fields.js';
import { ActionError, defineAction } from './types.js';

const QUESTIONS = 3;

const knownValue = z.union([z.string(), z.number(), z.boolean()]);

/** The follow-up questions still worth asking for an intent, given what the conversation (or the caller) already knows. */
export const getNextQuestions = defineAction({
  name: 'GetNextQuestions',
  description:
    "Lists the follow-up questions still worth asking for an intent, required ones first, then the ones agents ask most, each with the attribute it asks for, its type and its allowed answers. Call it when you run the dialogue yourself and need to know what to ask next; pass the values you already have in knownAttributesJson. status says whether a required value is still missing (need-info) or everything required is known (ready). Changes nothing.",
  readOnly: true,
  input: z.object({
    intentId: z.string().max(128).optional().describe("The intent to ask about. Default: the conversation's current intent."),
    knownAttributesJson: z
      .string()
      .max(20_000)
      .optional()
      .describe('JSON object of attribute values the caller already has, such as {"orderNumber": "BL-4471220"}; those questions are left out.'),
    ...conversationInput,
  }),
  output: z.object({
    status: z
      .enum(['need-info', 'ready', 'handoff'])
      .describe('need-info: a required attribute is still missing; ready: everything required is known; handoff: the conversation was handed to a person.'),
    intentId: z.string().describe('The intent the questions are for.'),
    intentName: z.string().describe('Its name.'),
    ...questionOutput(QUESTIONS),
    ...commonOutput,
  }),
  async run(input, { services, conversationId }) {
    const catalog = services.conversations.catalog();
    const state = await services.conversations.get(conversationId);
    const intent = chooseIntent(catalog, input.intentId || undefined, state);
    const known = { attributes: { ...state?.attributes, ...parseKnown(input.knownAttributesJson, intent) }, asked: state?.asked ?? [] };
    return {
      status: state?.escalated ? 'handoff' : missingRequired(intent, known) ? 'need-info' : 'ready',
      intentId: intent.id,
      intentName: intent.name,
      ...questionFields(nextQuestions(intent, known), QUESTIONS),
      conversationId,
    };
  },
});

function chooseIntent(catalog: Catalog, intentId: string | undefined, state: ConversationState | null): Intent {
  const id = intentId ?? state?.intent?.id;
  if (id === undefined) {
    throw new ActionError('unknown-intent', 'intentId: give an intent id, or detect the intent in this conversation first (Assist)');
  }
  const intent = catalog.intent(id);
  if (!intent) throw new ActionError('unknown-intent', `intentId: "${id}" is not an intent of the live library`);
  return intent;
}

function parseKnown(json: string | undefined, intent: Intent): ConversationState['attributes'] {
  if (!json) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ActionError('invalid-input', `knownAttributesJson: not valid JSON (${(error as Error).message})`);
  }
  const values = z.record(z.string(), knownValue).safeParse(parsed);
  if (!values.success) {
    throw new ActionError('invalid-input', 'knownAttributesJson: must be a JSON object of attribute names to strings, numbers or booleans');
  }
  const names = new Set(intent.attributes.map((attribute) => attribute.name));
  const unknown = Object.keys(values.data).filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new ActionError(
      'invalid-input',
      `knownAttributesJson: ${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is not an attribute' : 'are not attributes'} of intent "${intent.id}" (its attributes: ${[...names].join(', ') || 'none'})`,
    );
  }
  return Object.fromEntries(
    Object.entries(values.data).map(([name, value]) => [name, { value, text: String(value), confidence: 1, turn: 0, source: 'self-service' as const }]),
  );
}
