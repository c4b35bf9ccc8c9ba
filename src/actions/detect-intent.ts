import { z } from 'zod';
import { readDialogueActs } from '../nlu/dialogue-acts.js';
import { candidateFields, candidateOutput, commonOutput, conversationInput, intentFields, intentOutput, MAX_TEXT } from './fields.js';
import { defineAction } from './types.js';

const CANDIDATES = 2;

/** Classifies one text without changing the conversation; the conversation's rejected intents are left out. */
export const detectIntent = defineAction({
  name: 'DetectIntent',
  description:
    "Detects which of the library's intents a customer's message expresses: the intent with its confidence and group, whether it can be self-served, and the runner-up intents. Call it to route a message or to check an intent before acting; status tells whether one intent is clear (intent), two are close (clarify: ask which with candidate1 and candidate2), none fits (out-of-scope) or the customer asks for a person (handoff). Changes nothing; to run a whole self-service turn, use Assist instead.",
  readOnly: true,
  input: z.object({
    text: z.string().min(1).max(MAX_TEXT).describe('What the customer said.'),
    ...conversationInput,
  }),
  output: z.object({
    status: z
      .enum(['intent', 'clarify', 'out-of-scope', 'handoff'])
      .describe('intent: one intent is clear; clarify: two are close (see candidate1 and candidate2); out-of-scope: none fits; handoff: the customer asks for a person.'),
    ...intentOutput,
    intentGroupId: z.string().optional().describe('The group of the detected intent.'),
    intentGroupName: z.string().optional().describe('The name of that group.'),
    selfService: z.boolean().optional().describe('Whether the intent can be served without a representative.'),
    ...candidateOutput(CANDIDATES),
    candidatesJson: z.string().describe('JSON array of the runner-up intents: {id, name, groupId, groupName, confidence}.'),
    ...commonOutput,
  }),
  async run(input, { services, conversationId }) {
    const { decision, intent: chosen, candidates } = await services.conversations.detect(input.text, conversationId, CANDIDATES);
    const catalog = services.conversations.catalog();
    return {
      status: readDialogueActs(input.text).asksForPerson ? 'handoff' : decision.kind,
      ...intentFields(chosen),
      ...(chosen ? { intentGroupId: chosen.groupId, intentGroupName: chosen.groupName, selfService: catalog.intent(chosen.id)?.selfService ?? true } : {}),
      ...candidateFields(candidates, CANDIDATES),
      candidatesJson: JSON.stringify(candidates),
      conversationId,
    };
  },
});
