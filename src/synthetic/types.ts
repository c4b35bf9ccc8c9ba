export type TranscriptRole = 'customer' | 'agent' | 'bot';

export interface TranscriptTurn {
  role: TranscriptRole;
  text: string;
  /** ISO 8601 time, whole seconds, UTC. */
  at: string;
}

/** A conversation in the transcript JSONL format that discovery reads. */
export interface Transcript {
  conversationId: string;
  turns: TranscriptTurn[];
  /**
   * Gold labels for benchmarks only, never an input to discovery: the intents the conversation was written for,
   * in order (empty for an off-topic conversation).
   */
  meta?: { intents: string[] };
}
