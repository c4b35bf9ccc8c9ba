import { engineOptions, type EngineDeps } from './deps.js';
import { boundState, type ConversationState, type Feedback, type Turn } from './state.js';
import { step, type StepResult } from './step.js';
import type { CarriedValues } from './handoff.js';
import { giveFeedback, handOff, rejectIntent, searchAgain } from './transitions.js';
import type { ConversationReference } from './conversation-reference.js';
import { handBack, rememberReference, replyDelivered, representativeReply, type DeliveryOutcome, type ReplyTurn } from './delivery.js';

/**
 * Everything that can change a conversation. Edges (the skill, Teams and Web Chat, the assist API, the CLI) turn
 * what they receive into one of these; the conversation service applies it. Nothing else writes conversation state.
 */
export type Command =
  /** A message of the customer, or of the representative (role `agent`), read by the step. */
  | { kind: 'message'; turn: Turn }
  /** The representative says the detected intent is wrong. */
  | { kind: 'reject-intent'; intentId: string }
  /** Search the knowledge base again, for the given words or for what the conversation implies. */
  | { kind: 'search-again'; query?: string }
  /** Hand the conversation to a representative, with values gathered outside this service. */
  | { kind: 'handoff'; reason?: string; carried?: CarriedValues }
  /** Where the customer of a direct conversation (Teams, Web Chat) is reached, as the bot saw it (src/engine/delivery.ts). */
  | { kind: 'conversation-reference'; reference: ConversationReference }
  /** A representative's reply that the service delivers to the customer itself. */
  | { kind: 'representative-reply'; turn: ReplyTurn }
  /** How the delivery of a representative's reply went. */
  | { kind: 'reply-delivered'; messageId: string; outcome: DeliveryOutcome }
  /** The representative hands the conversation back to self-service. */
  | { kind: 'hand-back' }
  /** The representative rates how self-service understood the conversation (a thumbs-down feeds the misses). */
  | { kind: 'feedback'; rating: Feedback['rating']; note?: string };

/** Whether a command may start a conversation that is not stored yet. */
export function startsConversation(command: Command): boolean {
  return command.kind === 'message' || command.kind === 'handoff';
}

/** Applies one command to a state: a pure function of (state, command) apart from the knowledge search and the ranker. */
export async function applyCommand(state: ConversationState, command: Command, deps: EngineDeps): Promise<StepResult> {
  const result = await dispatch(state, command, deps);
  boundState(result.state, engineOptions(deps));
  return result;
}

function dispatch(state: ConversationState, command: Command, deps: EngineDeps): Promise<StepResult> | StepResult {
  switch (command.kind) {
    case 'message':
      return step(state, command.turn, deps);
    case 'reject-intent':
      return rejectIntent(state, command.intentId, deps);
    case 'search-again':
      return searchAgain(state, command.query, deps);
    case 'handoff':
      return handOff(state, command, deps);
    case 'conversation-reference':
      return rememberReference(state, command.reference, deps);
    case 'representative-reply':
      return representativeReply(state, command.turn, deps);
    case 'reply-delivered':
      return replyDelivered(state, command.messageId, command.outcome, deps);
    case 'hand-back':
      return handBack(state, deps);
    case 'feedback':
      return giveFeedback(state, command, deps);
  }
}
