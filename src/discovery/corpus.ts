import { asksForPerson } from '../nlu/dialogue-acts.js';
import { NON_BUSINESS_KINDS, nonBusinessKind, type NonBusinessKind } from './non-business.js';
import { redactConversation } from './redact.js';
import { findRequests, type IntentRequest } from './turns.js';
import type { Conversation, ConversationTurn } from './types.js';
import { Reservoir } from './reservoir.js';
import { Random } from '../text/random.js';

/** What discovery keeps of one conversation: masked requests, the questions and statements of the agent about each, not the whole transcript. */
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

/** What one conversation gives discovery: its record (null without a request), the non-business requests, a person asked for. */
export interface ReadConversation {
  /** With the whole masked transcript in `turns` when it has more than one turn. */
  record: ConversationRecord | null;
  nonBusiness: NonBusinessKind[];
  askedForPerson: boolean;
}

/** Masks personal data, then finds the conversation's requests, setting aside those that are moves of the chat. */
export function readConversation(raw: Conversation): ReadConversation {
  const conversation = redactConversation(raw);
  const askedForPerson = conversation.turns.some((turn) => turn.role === 'customer' && asksForPerson(turn.text));
  const nonBusiness: NonBusinessKind[] = [];
  const requests = findRequests(conversation).filter((request) => {
    const kind = nonBusinessKind(request.text);
    if (kind) nonBusiness.push(kind);
    return kind === null;
  });
  if (requests.length === 0) return { record: null, nonBusiness, askedForPerson };
  const lastAt = lastTime(conversation);
  const record: ConversationRecord = {
    conversationId: conversation.conversationId,
    requests,
    ...(lastAt ? { lastAt } : {}),
    ...(conversation.turns.length > 1 ? { turns: conversation.turns } : {}),
  };
  return { record, nonBusiness, askedForPerson };
}

export interface SurveyOptions {
  /** Most records kept: beyond it, a uniform sample of this many (in input order). Default: all. */
  sampleSize?: number;
  /** Seed of the sample. Default 1. */
  seed?: number;
  /** Called with each record (its masked transcript included when it has more than one turn), awaited before the next. */
  onRecord?: (record: ConversationRecord) => Promise<void> | void;
}

export interface CorpusSurvey extends Corpus {
  /** Conversations with at least one request in the whole input (`records` holds them all, or a sample). */
  conversations: number;
}

/**
 * Masks personal data and keeps what discovery needs, one conversation at a time: the counts of the whole
 * input, and the records of at most `sampleSize` conversations with a request (a uniform reservoir sample when
 * there are more). Memory grows with the sample, not the input.
 */
export async function surveyCorpus(conversations: AsyncIterable<Conversation> | Iterable<Conversation>, options: SurveyOptions = {}): Promise<CorpusSurvey> {
  const sample = new Reservoir<ConversationRecord>(options.sampleSize ?? Infinity, new Random(options.seed ?? 1));
  let withoutRequest = 0;
  let askedForPerson = 0;
  const nonBusiness = noNonBusiness();
  for await (const raw of conversations) {
    const read = readConversation(raw);
    if (read.askedForPerson) askedForPerson += 1;
    for (const kind of read.nonBusiness) nonBusiness[kind] += 1;
    if (!read.record) {
      withoutRequest += 1;
      continue;
    }
    await options.onRecord?.(read.record);
    const { turns, ...record } = read.record;
    sample.offer(sample.offered < KEPT_TRANSCRIPTS && turns ? { ...record, turns } : record);
  }
  return { records: sample.items(), conversations: sample.offered, withoutRequest, nonBusiness, askedForPerson };
}

/** Every conversation's record (see `surveyCorpus`); memory grows with requests, not transcripts. */
export async function collectCorpus(conversations: AsyncIterable<Conversation> | Iterable<Conversation>): Promise<Corpus> {
  const { conversations: _all, ...corpus } = await surveyCorpus(conversations);
  return corpus;
}
