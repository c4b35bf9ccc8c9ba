import type { Catalog } from '../library/catalog.js';
import { liveIntents } from '../library/schema.js';
import { OUT_OF_SCOPE_INTENT, type LabelledConversation } from './labelled-conversations.js';
import type { ConversationReplayer, ReplayedConversation } from './replay.js';
import { addCounts, emptyCounts, ratesOf, scoreConversation, type ConversationScore, type Counts, type Rates } from './scoring.js';

export interface ScoredConversation extends ConversationScore {
  replayed: ReplayedConversation;
}

export interface ConversationEvaluation {
  conversations: ScoredConversation[];
  counts: Counts;
  rates: Rates;
  /** Gold intents the library has no live intent for (they can never be predicted). */
  unknownIntents: string[];
  /** Attributes in gold values or asks that no live intent has. */
  unknownAttributes: string[];
  /** Wall time of the replay alone (training excluded). */
  replayMs: number;
}

/** The time a reference date stands for: a date alone is noon UTC of that day, a date-time as written. */
export function referenceTime(referenceDate: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) ? `${referenceDate}T12:00:00Z` : referenceDate);
}

/**
 * Replays every conversation through the engine and scores it (src/evaluation/scoring.ts). A conversation's own
 * `referenceDate` pins its clock; `defaultReferenceDate` serves those without one (the parser makes sure one applies).
 */
export async function evaluateConversations(
  conversations: readonly LabelledConversation[],
  replayer: ConversationReplayer,
  catalog: Catalog,
  defaultReferenceDate?: string,
): Promise<ConversationEvaluation> {
  const started = performance.now();
  const scored: ScoredConversation[] = [];
  for (const conversation of conversations) {
    const reference = conversation.referenceDate ?? defaultReferenceDate;
    if (reference === undefined) throw new RangeError(`conversation "${conversation.conversationId}" has no referenceDate and no default was given`);
    const replayed = await replayer.replay(conversation, referenceTime(reference));
    scored.push({ ...scoreConversation(replayed), replayed });
  }
  const replayMs = performance.now() - started;
  const counts = scored.reduce((total, conversation) => addCounts(total, conversation.counts), emptyCounts());
  return { conversations: scored, counts, rates: ratesOf(counts), ...unknownLabels(conversations, catalog), replayMs };
}

/** Conversations from the lowest score up (ties by id), at most `limit`. */
export function worstConversations(evaluation: ConversationEvaluation, limit: number): ScoredConversation[] {
  return [...evaluation.conversations]
    .sort((a, b) => a.score - b.score || a.conversationId.localeCompare(b.conversationId))
    .slice(0, limit);
}

function unknownLabels(conversations: readonly LabelledConversation[], catalog: Catalog): Pick<ConversationEvaluation, 'unknownIntents' | 'unknownAttributes'> {
  const attributes = new Set(liveIntents(catalog.library).flatMap((intent) => catalog.intent(intent.id)?.attributes.map((attribute) => attribute.name) ?? []));
  const intents = new Set<string>();
  const names = new Set<string>();
  for (const turn of conversations.flatMap((conversation) => conversation.turns)) {
    if (turn.role === 'agent') {
      for (const name of turn.asks ?? []) names.add(name);
      continue;
    }
    if (turn.intent !== undefined && turn.intent !== OUT_OF_SCOPE_INTENT) intents.add(turn.intent);
    for (const name of Object.keys(turn.values ?? {})) names.add(name);
  }
  return {
    unknownIntents: [...intents].filter((intent) => catalog.intent(intent) === undefined).sort(),
    unknownAttributes: [...names].filter((name) => !attributes.has(name)).sort(),
  };
}
