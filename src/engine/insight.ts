import type { Solution } from '../knowledge/types.js';
import type { AttributeType } from '../library/schema.js';
import type { AttributeValue } from '../nlu/types.js';
import type { Status } from './state.js';

export interface IntentView {
  id: string;
  name: string;
  groupId: string;
  groupName: string;
  confidence: number;
}

export interface NextQuestion {
  attribute: string;
  question: string;
  type: AttributeType;
  required: boolean;
  values?: string[];
}

export interface AnsweredAttribute {
  name: string;
  value: AttributeValue;
  text: string;
  confidence: number;
}

/** What one step tells its caller: the skill, the chat, the representative's page. */
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
