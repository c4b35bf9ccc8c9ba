import { z } from 'zod';
import { buildQuery } from '../engine/query.js';
import { cleanText } from '../engine/step.js';
import { commonOutput, conversationInput, solutionFields, solutionOutput } from './fields.js';
import { ActionError, defineAction } from './types.js';

const FLATTENED = 3;

/** Knowledge-base solutions for a query, or for what the conversation knows (its intent and attribute values). */
export const searchSolutions = defineAction({
  name: 'SearchSolutions',
  description:
    "Searches the knowledge base for solution articles: titles, links and the passages that matched. Give a query, or an intentId, or a conversationId whose intent is known: without a query, the query is built from the intent and the values gathered so far. Call it to answer a customer's question or to find articles for a representative. Changes nothing.",
  readOnly: true,
  input: z.object({
    query: z.string().max(1000).optional().describe("What to search for. Default: built from the intent and the conversation's attribute values."),
    intentId: z.string().max(128).optional().describe("Prefer articles for this intent. Default: the conversation's current intent."),
    top: z.number().min(1).max(10).optional().describe('How many solutions to return, 1 to 10 (default 3); the first three are also flattened.'),
    ...conversationInput,
  }),
  output: z.object({
    query: z.string().describe('The query that was searched.'),
    ...solutionOutput(FLATTENED),
    ...commonOutput,
  }),
  async run(input, { services, conversationId }) {
    const catalog = services.conversations.catalog();
    const state = await services.conversations.get(conversationId);
    const intentId = input.intentId || state?.intent?.id;
    const intent = intentId === undefined ? undefined : catalog.intent(intentId);
    if (intentId !== undefined && !intent) throw new ActionError('unknown-intent', `intentId: "${intentId}" is not an intent of the live library`);
    const query = input.query ? cleanText(input.query, 1000) : intent ? buildQuery(intent, state?.attributes ?? {}) : '';
    if (query === '') {
      throw new ActionError('nothing-to-search', 'query: give a query or an intentId, or detect the intent in this conversation first (Assist)');
    }
    const solutions = await services.search.search({ text: query, ...(intent ? { intentId: intent.id } : {}), top: Math.round(input.top ?? 3) });
    return { query, ...solutionFields(solutions, FLATTENED), conversationId };
  },
});
