import type { Solution } from '../knowledge/types.js';
import type { Catalog } from '../library/catalog.js';
import type { Insight } from './insight.js';

/** What the self-service skill says for an insight, independent of the channel that renders it. */
export interface Reply {
  text: string;
  /** Quick replies: enum values of the question asked, or the two intents of a clarification. */
  choices: string[];
  solutions: Solution[];
}

export function composeReply(insight: Insight, catalog: Catalog): Reply {
  switch (insight.status) {
    case 'out-of-scope': {
      const topics = catalog.library.groups.filter((group) => group.parentId === undefined).map((group) => group.name.toLowerCase());
      return {
        text: `Sorry, I can't help with that here. I can help with ${joinList(topics)}. What can I do for you?`,
        choices: [],
        solutions: [],
      };
    }
    case 'clarify':
      return {
        text: insight.clarifyQuestion ?? 'Could you tell me a bit more about what you need?',
        choices: insight.candidates.slice(0, 2).map((candidate) => candidate.name),
        solutions: [],
      };
    case 'need-info': {
      const next = insight.nextQuestions[0];
      const lead = insight.intentChanged && insight.intent ? `I can help with ${insight.intent.name.toLowerCase()}. ` : '';
      return { text: `${lead}${next?.question ?? 'Could you tell me a bit more?'}`, choices: next?.values ?? [], solutions: insight.solutions };
    }
    case 'ready': {
      const intent = insight.intent?.name.toLowerCase() ?? 'your request';
      if (!insight.solutionsAvailable) {
        return { text: `Thanks, I have what I need about ${intent}, but I can't reach the knowledge base right now. A representative can take it from here.`, choices: [], solutions: [] };
      }
      if (insight.solutions.length === 0) {
        return { text: `Thanks, I have what I need about ${intent}, but I found no article for it. A representative can take it from here.`, choices: [], solutions: [] };
      }
      return { text: `Thanks. Here is what should help with ${intent}:`, choices: [], solutions: insight.solutions };
    }
  }
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
