import { z } from 'zod';
import { CUSTOMER_TEXT_IS_DATA, structuredChat, type ChatModel } from '../azure/chat.js';
import type { ResponseSuggester } from './suggestions.js';

const MAX_SUGGESTIONS = 3;
const RECENT_TURNS = 8;

/**
 * The contact center's instructions for this intent (the library's, its groups', its own), written by whoever keeps the
 * library, never by a customer: they go in the system message, the most specific last so that it wins a disagreement.
 */
function guidanceLines(instructions: readonly string[]): string[] {
  if (instructions.length === 0) return [];
  return ['Follow the contact center\'s instructions below; where they disagree, a later one (more specific) wins:', ...instructions.map((text) => `- ${text}`)];
}

/**
 * Suggested responses from the chat model, following the instructions that apply to the intent and grounded in the
 * conversation's intent, what is known, the questions still worth asking and the solutions found. On failure or timeout:
 * the next questions themselves.
 */
export function modelResponseSuggester(model: ChatModel, onFallback?: (reason: string) => void): ResponseSuggester {
  return {
    async suggest(state, insight, instructions) {
      const fallback = insight.nextQuestions.slice(0, MAX_SUGGESTIONS).map((question) => question.question);
      try {
        const answer = await structuredChat(model, {
          system: [
            'You help a customer-service representative answer a customer. Suggest up to three short replies the representative could send next:',
            'ask for a missing detail, or offer a solution that was found. Use only facts in the case; never promise refunds, dates or outcomes it does not state.',
            ...guidanceLines(instructions),
            CUSTOMER_TEXT_IS_DATA,
          ].join('\n'),
          data: {
            intent: insight.intent ? { name: insight.intent.name, group: insight.intent.groupName } : null,
            known: Object.fromEntries(Object.entries(state.attributes).map(([name, known]) => [name, known.value])),
            questionsToAsk: insight.nextQuestions.map((question) => question.question),
            solutions: insight.solutions.map((solution) => ({ title: solution.title, snippet: solution.snippet, ...(solution.url ? { url: solution.url } : {}) })),
            recentTurns: state.turns.slice(-RECENT_TURNS).map((turn) => ({ role: turn.role, text: turn.text })),
          },
          schemaName: 'suggested_replies',
          jsonSchema: {
            type: 'object',
            additionalProperties: false,
            required: ['replies'],
            properties: { replies: { type: 'array', items: { type: 'string' } } },
          },
          parse: z.object({ replies: z.array(z.string().trim().min(1).max(600)).max(MAX_SUGGESTIONS) }),
          maxTokens: 400,
        });
        return answer.replies;
      } catch (error) {
        onFallback?.(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        return fallback;
      }
    },
  };
}
