import type { Solution } from '../knowledge/types.js';
import type { Catalog } from '../library/catalog.js';
import type { AttributeValue } from '../nlu/types.js';
import { nextQuestions, type NextQuestion } from './questions.js';
import type { ConversationState, Status } from './state.js';

export interface IntentView {
  id: string;
  name: string;
  groupId: string;
  groupName: string;
  confidence: number;
}

export interface AnsweredAttribute {
  name: string;
  value: AttributeValue;
  text: string;
  confidence: number;
}

/** What a transition tells its caller: the skill, the chat, the representative's page. */
export interface Insight {
  status: Status;
  intent: IntentView | null;
  /** Runner-up intents of this turn, best first, excluding the current one and rejected ones. */
  candidates: IntentView[];
  /** Set when status is clarify: a question that tells the two candidates apart. */
  clarifyQuestion: string | null;
  intentChanged: boolean;
  answered: AnsweredAttribute[];
  nextQuestions: NextQuestion[];
  query: string | null;
  solutions: Solution[];
  /** False when the knowledge search failed or timed out this turn; questions are still returned. */
  solutionsAvailable: boolean;
}

export function intentView(id: string, confidence: number, catalog: Catalog): IntentView | null {
  const intent = catalog.intent(id);
  if (!intent) return null;
  const group = catalog.group(intent.groupId);
  return { id, name: intent.name, groupId: intent.groupId, groupName: group?.name ?? intent.groupId, confidence };
}

/** What a transition adds to the insight the state itself implies. */
export type InsightDetails = Partial<Pick<Insight, 'candidates' | 'clarifyQuestion' | 'intentChanged' | 'answered' | 'nextQuestions' | 'solutionsAvailable'>>;

/** The insight of a conversation as it stands after a transition, with what that transition found. */
export function insightOf(state: ConversationState, catalog: Catalog, details: InsightDetails = {}): Insight {
  const intent = state.intent ? catalog.intent(state.intent.id) : undefined;
  return {
    status: state.status ?? 'out-of-scope',
    intent: state.intent ? intentView(state.intent.id, state.intent.confidence, catalog) : null,
    candidates: details.candidates ?? [],
    clarifyQuestion: details.clarifyQuestion ?? null,
    intentChanged: details.intentChanged ?? false,
    answered: details.answered ?? [],
    nextQuestions: details.nextQuestions ?? (intent ? nextQuestions(intent, state) : []),
    query: state.query,
    solutions: state.solutions,
    solutionsAvailable: details.solutionsAvailable ?? true,
  };
}
