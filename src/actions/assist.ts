import { z } from 'zod';
import type { TurnResult } from '../engine/conversations.js';
import { composeReply, type Reply } from '../engine/reply.js';
import { statuses } from '../engine/state.js';
import type { Catalog } from '../library/catalog.js';
import { handoffSummary } from './handoff-summary.js';
import { attributeValues, commonOutput, conversationInput, intentFields, intentOutput, MAX_TEXT, solutionFields, solutionOutput } from './fields.js';
import { defineAction, type OutputValues } from './types.js';

const FLATTENED = 3;

/** One full self-service step: the customer's text goes into the conversation, the skill's answer comes back. */
export const assist = defineAction({
  name: 'Assist',
  description:
    "Runs one self-service turn of a customer conversation: pass the customer's message and the same conversationId on every turn. It detects (or keeps) the intent, takes the values the message gives (and corrections), and returns replyText to say to the customer, the next question and, when enough is known, solutions. Call it once per customer message and show replyText. status: need-info (ask nextQuestion), clarify (offer choicesJson), ready (solutions follow), out-of-scope, handoff (transfer to a person now, passing handoffSummary) or ended (the customer said goodbye). The conversation is stored: each call builds on the earlier ones.",
  readOnly: false,
  input: z.object({
    text: z.string().min(1).max(MAX_TEXT).describe('What the customer said.'),
    ...conversationInput,
  }),
  output: z.object({
    replyText: z.string().describe('What to say to the customer: the next question, a clarification, or an introduction to the solutions.'),
    status: z
      .enum(statuses)
      .describe('out-of-scope; clarify (two intents are close); need-info (a required value is missing); ready (solutions follow); handoff (transfer to a person now); ended (the customer said thanks, goodbye or never mind).'),
    ...intentOutput,
    nextQuestion: z.string().optional().describe('The follow-up question to ask next, when one is left.'),
    nextQuestionAttribute: z.string().optional().describe('The attribute that question asks for.'),
    choicesJson: z.string().describe('JSON array of quick replies: the allowed answers of the question, or the two intents to choose between.'),
    questionsJson: z.string().describe('JSON array of every remaining question: {attribute, question, type, required, values?}.'),
    attributesJson: z.string().describe('JSON object of every value known in the conversation, such as {"errorCode": "E42"}.'),
    ...solutionOutput(FLATTENED),
    handoffSummary: z.string().optional().describe('When status is handoff: a few lines for the representative (intent, known values, what is missing, why). Pass it to "Transfer conversation".'),
    ...commonOutput,
  }),
  async run(input, { services, conversationId, channel }) {
    const result = await services.conversations.turn(conversationId, { role: 'customer', text: input.text }, { channel });
    const catalog = services.conversations.catalog();
    return assistOutputs(result, composeReply(result.insight, catalog), catalog);
  },
});

/** The outputs of one step; also what a conversation with a skill caller ends with. */
export function assistOutputs({ insight, state }: Pick<TurnResult, 'insight' | 'state'>, reply: Reply, catalog: Catalog): OutputValues {
  const next = insight.status === 'need-info' ? insight.nextQuestions[0] : undefined;
  return {
    replyText: reply.text,
    status: insight.status,
    ...intentFields(insight.intent),
    ...(next ? { nextQuestion: next.question, nextQuestionAttribute: next.attribute } : {}),
    choicesJson: JSON.stringify(reply.choices),
    ...(insight.status === 'handoff' ? { handoffSummary: handoffSummary(state, catalog, state.handoff?.reason) } : {}),
    questionsJson: JSON.stringify(insight.nextQuestions),
    attributesJson: JSON.stringify(attributeValues(state)),
    ...solutionFields(reply.solutions, FLATTENED),
    conversationId: state.conversationId,
  };
}
