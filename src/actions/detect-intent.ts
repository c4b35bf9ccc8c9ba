import { z } from 'zod';
import { cleanText, intentView } from '../engine/step.js';
import type { IntentView } from '../engine/insight.js';
import { decideIntent } from '../nlu/decision.js';
import { candidateFields, candidateOutput, commonOutput, conversationInput, intentFields, intentOutput, MAX_TEXT } from './fields.js';
import { defineAction } from './types.js';

const CANDIDATES = 2;

/** Classifies one text without changing the conversation; the conversation's rejected intents are left out. */
export const detectIntent = defineAction({
  name: 'DetectIntent',
  description: "Detects the customer's intent in a text: the intent, its confidence and the runner-up intents. Changes nothing.",
  input: z.object({
    text: z.string().min(1).max(MAX_TEXT).describe('What the customer said.'),
    ...conversationInput,
  }),
  output: z.object({
    status: z.enum(['intent', 'clarify', 'out-of-scope']).describe('intent: one intent is clear; clarify: two are close (see candidate1 and candidate2); out-of-scope: none fits.'),
    ...intentOutput,
    intentGroupId: z.string().optional().describe('The group of the detected intent.'),
    intentGroupName: z.string().optional().describe('The name of that group.'),
    selfService: z.boolean().optional().describe('Whether the intent can be served without a representative.'),
    ...candidateOutput(CANDIDATES),
    candidatesJson: z.string().describe('JSON array of the runner-up intents: {id, name, groupId, groupName, confidence}.'),
    ...commonOutput,
  }),
  async run(input, { services, conversationId }) {
    const { catalog, classifier } = services.live();
    const rejected = (await services.service.get(conversationId))?.rejectedIntents ?? [];
    const classification = classifier.classify(cleanText(input.text, MAX_TEXT), CANDIDATES + 2 + rejected.length);
    const known = classification.ranking.filter((score) => catalog.intent(score.intent) !== undefined);
    const decision = decideIntent({ ...classification, ranking: known }, { rejectedIntents: rejected });
    const chosen = decision.kind === 'intent' ? intentView(decision.intent, decision.confidence, catalog) : null;
    // The two a clarification is about come first, then the rest of the ranking.
    const between = decision.kind === 'clarify' ? decision.between.map((score) => score.intent) : [];
    const candidates = known
      .filter((score) => score.intent !== chosen?.id && !rejected.includes(score.intent))
      .sort((a, b) => Number(between.includes(b.intent)) - Number(between.includes(a.intent)))
      .slice(0, CANDIDATES + 1)
      .map((score) => intentView(score.intent, score.confidence, catalog))
      .filter((view): view is IntentView => view !== null);
    return {
      status: decision.kind,
      ...intentFields(chosen),
      ...(chosen ? { intentGroupId: chosen.groupId, intentGroupName: chosen.groupName, selfService: catalog.intent(chosen.id)?.selfService ?? true } : {}),
      ...candidateFields(candidates, CANDIDATES),
      candidatesJson: JSON.stringify(candidates),
      conversationId,
    };
  },
});
