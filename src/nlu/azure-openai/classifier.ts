import { z } from 'zod';
import type { Catalog } from '../../library/catalog.js';
import type { Intent } from '../../library/schema.js';
import type { DialogueActs } from '../dialogue-acts.js';
import type { Classification } from '../types.js';
import { CUSTOMER_TEXT_IS_DATA, ModelAnswerError, structuredChat, type ChatModel } from '../../azure/chat.js';

const OUT_OF_SCOPE = 'none';

/** The local classifier's best intents that the library knows, for the model to choose from. */
export function shortlistOf(local: Classification, catalog: Catalog, size: number): Intent[] {
  return local.ranking
    .slice(0, size)
    .map((score) => catalog.intent(score.intent))
    .filter((intent) => intent !== undefined);
}

/**
 * Intent classification by a chat model over a shortlist. The model may answer only with shortlisted
 * library ids: the response schema enumerates them and the answer is checked again here, so an id it
 * was not offered (whatever the customer wrote) rejects the whole answer with ModelAnswerError.
 */
export async function rankWithModel(
  model: ChatModel,
  text: string,
  shortlist: readonly Intent[],
  local: Classification,
): Promise<{ classification: Classification; acts: DialogueActs }> {
  const ids = shortlist.map((intent) => intent.id);
  const answer = await structuredChat(model, {
    system: [
      'You classify the intent of a customer contacting customer service.',
      `Choose among the candidate intents only, by id; answer "${OUT_OF_SCOPE}" as the best intent when none of them fits what the customer needs.`,
      'Rank at most three candidates with a confidence between 0 and 1; the confidences add up to at most 1.',
      'Also say what else the message does: asksForPerson (wants a human agent), closing (only thanks or goodbye, nothing else asked: "thanks", "goodbye", else "none"), ' +
        'cancel (drops what they asked: "never mind"), affirm (yes), deny (no), cannotAnswer ("unknown": cannot give what was asked; "unclear": does not know what is meant; else "none"), ' +
        'correction (corrects something they said), switchTo (after a change of mind, the exact words of the message that state the new request, copied verbatim; else ""), smallTalk (only a greeting), unhelped (says what they were given does not help: "useless", "I already tried that"), ' +
        'offersInstead (offers to give something else than what was asked: "can I give you my email instead?"), ' +
        'asksWhy (asks why the question is asked: "why do you need that?"), holdOn (asks for a moment before answering: "hold on, let me find it"), ' +
        'misunderstood (says their request was taken for something else: "that\'s not what I meant"), asksIfBot (only asks whether they talk to a machine or a person: "are you a bot?").',
      CUSTOMER_TEXT_IS_DATA,
    ].join('\n'),
    data: {
      candidates: shortlist.map((intent) => ({ id: intent.id, name: intent.name, description: intent.description, examples: intent.examples.slice(0, 3) })),
      customerMessage: text,
    },
    schemaName: 'intent_ranking',
    jsonSchema: rankingSchema(ids),
    parse: rankingAnswer(ids),
    maxTokens: 300,
  });
  return { classification: toClassification(answer, local), acts: toActs(answer.acts) };
}

const ACTS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['asksForPerson', 'closing', 'cancel', 'affirm', 'deny', 'cannotAnswer', 'correction', 'switchTo', 'smallTalk', 'unhelped', 'offersInstead', 'asksWhy', 'holdOn', 'misunderstood', 'asksIfBot'],
  properties: {
    asksForPerson: { type: 'boolean' },
    closing: { type: 'string', enum: ['thanks', 'goodbye', 'none'] },
    cancel: { type: 'boolean' },
    affirm: { type: 'boolean' },
    deny: { type: 'boolean' },
    cannotAnswer: { type: 'string', enum: ['unknown', 'unclear', 'none'] },
    correction: { type: 'boolean' },
    switchTo: { type: 'string' },
    smallTalk: { type: 'boolean' },
    unhelped: { type: 'boolean' },
    offersInstead: { type: 'boolean' },
    asksWhy: { type: 'boolean' },
    holdOn: { type: 'boolean' },
    misunderstood: { type: 'boolean' },
    asksIfBot: { type: 'boolean' },
  },
} as const;

const actsAnswer = z.object({
  asksForPerson: z.boolean(),
  closing: z.enum(['thanks', 'goodbye', 'none']),
  cancel: z.boolean(),
  affirm: z.boolean(),
  deny: z.boolean(),
  cannotAnswer: z.enum(['unknown', 'unclear', 'none']),
  correction: z.boolean(),
  switchTo: z.string().max(1000),
  smallTalk: z.boolean(),
  unhelped: z.boolean(),
  offersInstead: z.boolean(),
  asksWhy: z.boolean(),
  holdOn: z.boolean(),
  misunderstood: z.boolean(),
  asksIfBot: z.boolean(),
});

function toActs(answer: z.output<typeof actsAnswer>): DialogueActs {
  return {
    ...answer,
    closing: answer.closing === 'none' ? null : answer.closing,
    cannotAnswer: answer.cannotAnswer === 'none' ? null : answer.cannotAnswer,
    switchTo: answer.switchTo.trim() === '' ? null : answer.switchTo,
  };
}

function rankingSchema(ids: string[]): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['ranking', 'acts'],
    properties: {
      acts: ACTS_SCHEMA,
      ranking: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['intent', 'confidence'],
          properties: { intent: { type: 'string', enum: [...ids, OUT_OF_SCOPE] }, confidence: { type: 'number' } },
        },
      },
    },
  };
}

type RankingAnswer = { ranking: Array<{ intent: string; confidence: number }>; acts: z.output<typeof actsAnswer> };

function rankingAnswer(ids: string[]): z.ZodType<RankingAnswer> {
  const allowed = new Set([...ids, OUT_OF_SCOPE]);
  return z.object({
    acts: actsAnswer,
    ranking: z
      .array(
        z.object({
          intent: z.string().refine((id) => allowed.has(id), { message: 'names an intent that was not offered' }),
          confidence: z.number().min(0).max(1),
        }),
      )
      .min(1)
      .max(3)
      .refine((ranking) => new Set(ranking.map((entry) => entry.intent)).size === ranking.length, { message: 'repeats an intent' }),
  });
}

function toClassification(answer: RankingAnswer, local: Classification): Classification {
  const total = answer.ranking.reduce((sum, entry) => sum + entry.confidence, 0);
  const scale = total > 1 ? 1 / total : 1;
  const scored = answer.ranking.map((entry) => ({ intent: entry.intent, confidence: entry.confidence * scale }));
  const outOfScope = scored.find((entry) => entry.intent === OUT_OF_SCOPE)?.confidence ?? 0;
  const ranking = scored.filter((entry) => entry.intent !== OUT_OF_SCOPE).sort((a, b) => b.confidence - a.confidence);
  if (ranking.length === 0 && outOfScope === 0) throw new ModelAnswerError('the ranking is empty');
  const best = ranking[0]?.confidence ?? 0;
  return { ranking, outOfScopeScore: Math.max(outOfScope, Math.min(local.outOfScopeScore, 1 - best)) };
}
