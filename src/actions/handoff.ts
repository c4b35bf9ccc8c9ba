import { z } from 'zod';
import { intentView } from '../engine/insight.js';
import { nextQuestions } from '../engine/questions.js';
import { resolveRoute } from '../library/routing.js';
import { handoffSummary } from './handoff-summary.js';
import { attributeValues, commonOutput, conversationInput, intentFields, intentOutput, routeFields, routeOutput } from './fields.js';
import { defineAction } from './types.js';

/** Marks the conversation for a representative and returns what self-service gathered, for the hand-off. */
export const handoff = defineAction({
  name: 'Handoff',
  description:
    'Hands the conversation to a human representative: marks it as escalated and returns a summary, the intent with its group, line of business and routing (queue, skills, priority) for the contact-center router, the values gathered, what is still missing, the solutions already offered and the recent turns, to pass on with the transfer. Call it when the customer asks for a person or self-service cannot help (or when Assist answers status handoff and you need the full context). Changes the conversation: it leaves self-service.',
  readOnly: false,
  input: z.object({
    reason: z.string().max(500).optional().describe('Why the conversation is handed off, for the representative.'),
    ...conversationInput,
  }),
  output: z.object({
    escalated: z.boolean().describe('True once the conversation is marked for a representative.'),
    summary: z.string().describe('A few lines for the representative: intent, known values, what is still missing, solutions offered.'),
    ...intentOutput,
    ...routeOutput,
    status: z.string().optional().describe('The self-service status when handed off: out-of-scope, clarify, need-info or ready.'),
    attributeCount: z.number().describe('How many attribute values are known.'),
    attributesJson: z.string().describe('JSON object of every value known, such as {"orderNumber": "BL-4471220"}.'),
    missingJson: z.string().describe('JSON array of the attributes still to ask for.'),
    solutionsJson: z.string().describe('JSON array of the solutions already offered: {id, title, url?}.'),
    transcriptJson: z.string().describe('JSON array of the recent turns {role, text, at}, personal data masked.'),
    turnCount: z.number().describe('How many turns the conversation has had.'),
    ...commonOutput,
  }),
  async run(input, { services, conversationId, channel }) {
    const catalog = services.conversations.catalog();
    const reason = input.reason || undefined;
    const { state } = await services.conversations.apply(conversationId, { kind: 'handoff', ...(reason ? { reason } : {}) }, { channel });
    const intent = state.intent ? catalog.intent(state.intent.id) : undefined;
    return {
      escalated: state.escalated,
      summary: handoffSummary(state, catalog, reason),
      ...intentFields(state.intent ? intentView(state.intent.id, state.intent.confidence, catalog) : null),
      ...routeFields(state.intent ? resolveRoute(catalog, state.intent.id) : null),
      ...(state.status ? { status: state.status } : {}),
      attributeCount: Object.keys(state.attributes).length,
      attributesJson: JSON.stringify(attributeValues(state)),
      missingJson: JSON.stringify(intent ? nextQuestions(intent, state).map((question) => question.attribute) : []),
      solutionsJson: JSON.stringify(state.solutions.map(({ id, title, url }) => ({ id, title, ...(url ? { url } : {}) }))),
      transcriptJson: JSON.stringify(state.turns.map(({ role, text, at }) => ({ role, text, ...(at ? { at } : {}) }))),
      turnCount: state.turnCount,
      conversationId,
    };
  },
});
