import { z } from 'zod';
import type { IntentView } from '../engine/insight.js';
import type { NextQuestion } from '../engine/questions.js';
import type { ConversationState } from '../engine/state.js';
import type { Solution } from '../knowledge/types.js';
import type { Route } from '../library/routing.js';
import type { FieldShape } from './types.js';

/**
 * Output fields shared by the actions, and the functions that flatten engine results into them. Copilot Studio
 * takes no arrays: lists become numbered fields (`solution1Title`, ...) plus one `...Json` string with the whole list.
 */

export const MAX_TEXT = 4000;

export const conversationInput = {
  conversationId: z
    .string()
    .max(400)
    .optional()
    .describe(
      "The conversation whose state to use: pass the same id on every call about one customer conversation (in Copilot Studio, Conversation.Id) to keep its state across calls. Default: the skill call's own conversation; over MCP, a new conversation, whose id comes back in conversationId.",
    ),
};

export const commonOutput = {
  conversationId: z.string().describe('The conversation the action used.'),
  errorCode: z.string().optional().describe('Set when the action failed: invalid-input, unknown-action, unknown-intent, nothing-to-search, timeout or internal-error.'),
  errorMessage: z.string().optional().describe('Set when the action failed: what went wrong, in words.'),
};

export const intentOutput = {
  intentId: z.string().optional().describe('The detected intent id; empty when none.'),
  intentName: z.string().optional().describe('The detected intent name.'),
  confidence: z.number().optional().describe('Confidence in the intent, 0 to 1.'),
};

export function intentFields(intent: IntentView | null): { intentId?: string; intentName?: string; confidence?: number } {
  return intent ? { intentId: intent.id, intentName: intent.name, confidence: round(intent.confidence) } : {};
}

/** Where a router should send the conversation (see docs/routing.md): flat, as Copilot Studio's transfer variables take them. */
export const routeOutput = {
  groupId: z.string().optional().describe("The intent's group id."),
  groupName: z.string().optional().describe("The intent's group name."),
  lineOfBusinessId: z.string().optional().describe("The line of business of the intent's group, when the library has lines of business."),
  lineOfBusinessName: z.string().optional().describe('The name of that line of business.'),
  routingQueue: z.string().optional().describe('The queue to route to: from the intent, else its group, its parent groups or its line of business.'),
  routingSkills: z.string().optional().describe('The skills a representative needs, comma-separated ("billing,payments"); resolved like the queue.'),
  routingPriority: z.number().optional().describe('The priority, 1 (most urgent) to 10; resolved like the queue.'),
};

export function routeFields(route: Route | null): { [K in keyof typeof routeOutput]?: string | number } {
  if (!route) return {};
  return {
    groupId: route.groupId,
    groupName: route.groupName,
    ...(route.lineOfBusinessId ? { lineOfBusinessId: route.lineOfBusinessId, lineOfBusinessName: route.lineOfBusinessName } : {}),
    ...(route.queue !== undefined ? { routingQueue: route.queue } : {}),
    ...(route.skills.length > 0 ? { routingSkills: route.skills.join(',') } : {}),
    ...(route.priority !== undefined ? { routingPriority: route.priority } : {}),
  };
}

export function questionOutput(count: number): FieldShape {
  const shape: FieldShape = {
    questionCount: z.number().describe('How many questions are still worth asking.'),
  };
  for (let n = 1; n <= count; n += 1) {
    shape[`question${n}Text`] = z.string().optional().describe(`Follow-up question ${n}, in the order to ask.`);
    shape[`question${n}Attribute`] = z.string().optional().describe(`The attribute question ${n} asks for.`);
    shape[`question${n}Type`] = z.string().optional().describe(`The attribute type of question ${n} (text, enum, date, number, ...).`);
    shape[`question${n}ChoicesJson`] = z.string().optional().describe(`JSON array of the allowed answers of question ${n}, for enum attributes.`);
  }
  shape.questionsJson = z.string().describe('JSON array of every remaining question: {attribute, question, type, required, values?}.');
  return shape;
}

export function questionFields(questions: readonly NextQuestion[], count: number): Record<string, string | number> {
  const fields: Record<string, string | number> = { questionCount: questions.length, questionsJson: JSON.stringify(questions) };
  questions.slice(0, count).forEach((question, index) => {
    const n = index + 1;
    fields[`question${n}Text`] = question.question;
    fields[`question${n}Attribute`] = question.attribute;
    fields[`question${n}Type`] = question.type;
    if (question.values) fields[`question${n}ChoicesJson`] = JSON.stringify(question.values);
  });
  return fields;
}

export function solutionOutput(count: number): FieldShape {
  const shape: FieldShape = {
    solutionCount: z.number().describe('How many solutions were found.'),
  };
  for (let n = 1; n <= count; n += 1) {
    shape[`solution${n}Title`] = z.string().optional().describe(`Title of solution ${n}.`);
    shape[`solution${n}Url`] = z.string().optional().describe(`Link to solution ${n}, when the article has one.`);
    shape[`solution${n}Snippet`] = z.string().optional().describe(`The passage of solution ${n} that matched.`);
  }
  shape.solutionsJson = z.string().describe('JSON array of every solution: {id, title, url?, snippet, score}.');
  return shape;
}

export function solutionFields(solutions: readonly Solution[], count: number): Record<string, string | number> {
  const fields: Record<string, string | number> = {
    solutionCount: solutions.length,
    solutionsJson: JSON.stringify(solutions.map(({ id, title, url, snippet, score }) => ({ id, title, ...(url ? { url } : {}), snippet, score: round(score) }))),
  };
  solutions.slice(0, count).forEach((solution, index) => {
    const n = index + 1;
    fields[`solution${n}Title`] = solution.title;
    if (solution.url) fields[`solution${n}Url`] = solution.url;
    fields[`solution${n}Snippet`] = solution.snippet;
  });
  return fields;
}

/** The attributes known in a conversation as `{name: value}`, for `attributesJson`. */
export function attributeValues(state: Pick<ConversationState, 'attributes'>): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(state.attributes).map(([name, known]) => [name, known.value]));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function candidateOutput(count: number): FieldShape {
  const shape: FieldShape = {};
  for (let n = 1; n <= count; n += 1) {
    shape[`candidate${n}Id`] = z.string().optional().describe(`Runner-up intent ${n}.`);
    shape[`candidate${n}Name`] = z.string().optional().describe(`The name of runner-up intent ${n}.`);
    shape[`candidate${n}Confidence`] = z.number().optional().describe(`Confidence in runner-up intent ${n}, 0 to 1.`);
  }
  return shape;
}

export function candidateFields(candidates: readonly IntentView[], count: number): Record<string, string | number> {
  const fields: Record<string, string | number> = {};
  candidates.slice(0, count).forEach((candidate, index) => {
    const n = index + 1;
    fields[`candidate${n}Id`] = candidate.id;
    fields[`candidate${n}Name`] = candidate.name;
    fields[`candidate${n}Confidence`] = round(candidate.confidence);
  });
  return fields;
}
