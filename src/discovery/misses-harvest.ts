import { readAgentTurn, type AgentTurn } from './agent-acts.js';
import type { Miss, MissesAdded, MissStore } from '../engine/misses.js';
import type { ConversationState } from '../engine/state.js';
import type { ConversationStore } from '../engine/store.js';

/**
 * The misses of one stored conversation, among its recent turns: customer turns marked missed by the step, and every
 * customer turn said before a thumbs-down. Turns that rolled out of the recent ones before a harvest are not seen.
 */
export function missesOf(state: ConversationState): Miss[] {
  const firstIndex = state.turnCount - state.turns.length;
  const downAt = state.feedback.filter((f) => f.rating === 'down').map((f) => f.turn);
  const lastDown = downAt.length > 0 ? Math.max(...downAt) : -1;
  const misses: Miss[] = [];
  state.turns.forEach((turn, i) => {
    if (turn.role !== 'customer') return;
    const index = firstIndex + i + 1;
    const reason = turn.missed ?? (index <= lastDown ? 'thumbs-down' : null);
    if (!reason || turn.text.trim() === '') return;
    const previous = state.turns[i - 1];
    // The agent's next two turns: a person often acknowledges first ("Let me check that for you.") and asks after.
    const next = state.turns.slice(i + 1).filter((later) => later.role !== 'customer').slice(0, 2);
    misses.push({
      id: `${state.conversationId}#${index}`.slice(0, 420),
      conversationId: state.conversationId,
      channel: state.channel,
      at: turn.at ?? state.updatedAt,
      text: turn.text,
      reason,
      intentId: state.intent?.id ?? null,
      afterQuestion: previous !== undefined && previous.role !== 'customer' && readAgentTurn(previous.text).questions.length > 0,
      ...followingReply(next.map((later) => readAgentTurn(later.text))),
    });
  });
  return misses;
}

function followingReply(replies: readonly AgentTurn[]): Pick<Miss, 'followedBy' | 'followUp'> {
  const [first] = replies;
  if (!first) return { followedBy: null, followUp: null };
  if (first.invites && first.questions.length === 0) return { followedBy: 'prompt', followUp: null };
  const question = replies.flatMap((reply) => reply.questions)[0];
  return question === undefined ? { followedBy: 'reply', followUp: null } : { followedBy: 'question', followUp: question };
}

export interface HarvestResult extends MissesAdded {
  conversations: number;
  misses: number;
}

/** How many conversations are read, and their misses written to the store, at once. */
const HARVEST_BATCH = 500;

/**
 * Collects the misses of the conversations updated since `since` into the miss store, in batches, off the turn path
 * (a turn's cost is unchanged: the step only marks its turn). `log` is told when the bound or the retention dropped misses.
 */
export async function harvestMisses(
  conversations: Pick<ConversationStore, 'updatedSince'>,
  store: MissStore,
  since: Date,
  now: Date,
  log: (message: string, counts: MissesAdded) => void,
): Promise<HarvestResult> {
  const total: HarvestResult = { conversations: 0, misses: 0, added: 0, droppedForBound: 0, droppedForRetention: 0 };
  let batch: Miss[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const added = await store.add(batch, now);
    total.added += added.added;
    total.droppedForBound += added.droppedForBound;
    total.droppedForRetention += added.droppedForRetention;
    batch = [];
  };
  let pending = 0;
  for await (const page of conversations.updatedSince(since, HARVEST_BATCH)) {
    for (const state of page) {
      total.conversations += 1;
      const found = missesOf(state);
      total.misses += found.length;
      batch.push(...found);
    }
    pending += page.length;
    if (pending >= HARVEST_BATCH) {
      await flush();
      pending = 0;
    }
  }
  await flush();
  if (total.droppedForBound > 0) {
    log(`the misses store is full: dropped the ${total.droppedForBound} oldest misses to keep within MISSES_MAX`, total);
  }
  if (total.droppedForRetention > 0) log(`dropped ${total.droppedForRetention} misses older than MISSES_RETENTION_DAYS`, total);
  return total;
}
