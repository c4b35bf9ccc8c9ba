export type Role = 'customer' | 'agent' | 'bot';

export interface ConversationTurn {
  role: Role;
  text: string;
  at?: string;
}

/** One conversation as discovery sees it: texts already masked of personal data. */
export interface Conversation {
  conversationId: string;
  turns: ConversationTurn[];
}

/** A row the reader could not use, and why; the run goes on without it. */
export interface SkippedRow {
  line: number;
  reason: string;
}
