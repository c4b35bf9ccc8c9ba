import { redactConversation } from './redact.js';
import { findRequests, type IntentRequest } from './turns.js';
import type { Conversation, ConversationTurn } from './types.js';

/** What discovery keeps of one conversation: masked requests and their questions, not the whole transcript. */
export interface ConversationRecord {
  conversationId: string;
  requests: IntentRequest[];
  lastAt?: string;
  /** The masked transcript, kept only for the first conversations (samples for the report). */
  turns?: ConversationTurn[];
}

export interface Corpus {
  records: ConversationRecord[];
  /** Conversations with only small talk or nothing a customer asked for. */
  withoutRequest: number;
}

/** Transcripts kept whole for the report's sample conversations; the rest keep only their requests. */
export const KEPT_TRANSCRIPTS = 20_000;

function lastTime(conversation: Conversation): string | undefined {
  const times = conversation.turns.map((turn) => turn.at).filter((at): at is string => typeof at === 'string' && !Number.isNaN(Date.parse(at)));
  return times.length === 0 ? undefined : new Date(Math.max(...times.map((at) => Date.parse(at)))).toISOString();
}

/** Masks personal data and keeps what discovery needs, one conversation at a time; memory grows with requests, not transcripts. */
export async function collectCorpus(conversations: AsyncIterable<Conversation> | Iterable<Conversation>): Promise<Corpus> {
  const records: ConversationRecord[] = [];
  let withoutRequest = 0;
  for await (const raw of conversations) {
    const conversation = redactConversation(raw);
    const requests = findRequests(conversation);
    if (requests.length === 0) {
      withoutRequest += 1;
      continue;
    }
    const lastAt = lastTime(conversation);
    records.push({
      conversationId: conversation.conversationId,
      requests,
      ...(lastAt ? { lastAt } : {}),
      ...(records.length < KEPT_TRANSCRIPTS && conversation.turns.length > 1 ? { turns: conversation.turns } : {}),
    });
  }
  return { records, withoutRequest };
}
