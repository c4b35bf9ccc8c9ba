import type { ConversationReference } from './conversation-reference.js';
import type { EngineDeps } from './deps.js';
import { DuplicateMessageError } from './errors.js';
import { markHandedOff } from './handoff.js';
import { insightOf } from './insight.js';
import { currentIntent, settleStatus } from './settle.js';
import type { ConversationState, Turn } from './state.js';
import { step, type StepResult } from './step.js';

/** The conversation has no stored reference: the service cannot send its customer anything (nor hand it back to the bot). */
export class CustomerUnreachableError extends Error {
  override name = 'CustomerUnreachableError';
  constructor(readonly conversationId: string) {
    super(
      `the service cannot reach the customer of conversation "${conversationId}": it only reaches customers who talk to its bot directly ` +
        '(Teams, Web Chat); reply through the platform that carries this conversation',
    );
  }
}

/** What came of handing a representative's reply to the customer's channel. */
export type DeliveryOutcome = { delivered: true } | { delivered: false; reason: string };

/** The representative's reply to deliver: an agent turn with the id that its delivery is recorded under. */
export type ReplyTurn = Omit<Turn, 'role' | 'delivery'> & { messageId: string };

const JOINED = 'a representative joined the conversation';

function touched(previous: ConversationState, deps: EngineDeps): ConversationState {
  const state = structuredClone(previous);
  state.updatedAt = deps.now().toISOString();
  return state;
}

/** Stores where the customer is reached, as the bot saw it on their last turn (a later turn may move them: Teams does). */
export function rememberReference(previous: ConversationState, reference: ConversationReference, deps: EngineDeps): StepResult {
  const state = touched(previous, deps);
  state.conversationReference = structuredClone(reference);
  return { state, insight: insightOf(state, deps.catalog) };
}

/**
 * A representative's reply that the service itself delivers to the customer: refused (CustomerUnreachableError) when
 * no reference is stored, taken once per message id; read by the step like any representative's message (so the
 * question it asks is the one the next answer binds to) and marked `sending`. A conversation still in self-service is
 * handed off first: from now on a person answers, not the bot.
 */
export async function representativeReply(previous: ConversationState, turn: ReplyTurn, deps: EngineDeps): Promise<StepResult> {
  if (previous.messageIds.includes(turn.messageId)) throw new DuplicateMessageError(previous.conversationId, turn.messageId);
  if (!previous.conversationReference) throw new CustomerUnreachableError(previous.conversationId);
  let from = previous;
  if (previous.phase === 'self-service') {
    from = touched(previous, deps);
    markHandedOff(from, { reason: JOINED, kind: 'caller' });
  }
  const result = await step(from, { ...turn, role: 'agent' }, deps);
  const sent = result.state.turns.findLast((stored) => stored.messageId === turn.messageId);
  if (sent) sent.delivery = { status: 'sending', at: result.state.updatedAt };
  return result;
}

/** Records how the delivery of the representative's reply `messageId` went; a reply no longer among the recent turns is left. */
export function replyDelivered(previous: ConversationState, messageId: string, outcome: DeliveryOutcome, deps: EngineDeps): StepResult {
  const state = touched(previous, deps);
  const sent = state.turns.findLast((stored) => stored.role === 'agent' && stored.messageId === messageId);
  if (sent) {
    sent.delivery = outcome.delivered ? { status: 'delivered', at: state.updatedAt } : { status: 'failed', at: state.updatedAt, reason: outcome.reason.slice(0, 500) };
  }
  return { state, insight: insightOf(state, deps.catalog) };
}

/**
 * The representative hands the conversation back to self-service: the bot answers the customer again. What is known
 * stays; the status is settled again from the intent and those values, with no question pending and nothing offered.
 * Only a conversation the bot takes part in (one with a stored reference) can be handed back to it.
 */
export function handBack(previous: ConversationState, deps: EngineDeps): StepResult {
  if (!previous.conversationReference) throw new CustomerUnreachableError(previous.conversationId);
  const state = touched(previous, deps);
  state.phase = 'self-service';
  state.escalated = false;
  state.pending = null;
  state.offer = null;
  state.clarifying = null;
  state.status = null;
  // What the bot sent before a person took over is far up the chat: the bot's next answer gives its articles again.
  state.sentSolutions = [];
  settleStatus(state, currentIntent(state, deps.catalog));
  return { state, insight: insightOf(state, deps.catalog) };
}
