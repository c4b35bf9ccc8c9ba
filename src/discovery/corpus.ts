import { asksForPerson } from '../nlu/dialogue-acts.js';
import { NON_BUSINESS_KINDS, nonBusinessKind, type NonBusinessKind } from './non-business.js';
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
  /** Requests that are moves of the chat and not intents of the business, by kind; left out of clustering. */
  nonBusiness: Record<NonBusinessKind, number>;
  /** Conversations in which the customer asked for a person at least once, whatever else they asked. */
  askedForPerson: number;
}

export function noNonBusiness(): Record<NonBusinessKind, number> {
  return Object.fromEntries(Object.keys(NON_BUSINESS_KINDS).map((kind) => [kind, 0])) as Record<NonBusinessKind, number>;
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
  let askedForPerson = 0;
  const nonBusiness = noNonBusiness();
  for await (const raw of conversations) {
    const conversation = redactConversation(raw);
    if (conversation.turns.some((turn) => turn.role === 'customer' && asksForPerson(turn.text))) askedForPerson += 1;
    const requests = findRequests(conversation).filter((request) => {
      const kind = nonBusinessKind(request.text);
      if (kind) nonBusiness[kind] += 1;
      return kind === null;
    });
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
  return { records, withoutRequest, nonBusiness, askedForPerson };
}
