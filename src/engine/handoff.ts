import type { ConversationState, HandoffKind } from './state.js';

/** Values a front end outside this service gathered, carried over with a hand-off. */
export type CarriedValues = Readonly<Record<string, string | number | boolean>>;

/**
 * The hand-off, on a state being written (the step uses it when the customer asks for a person). `kind` says why, as
 * the insights count it: the customer asked, the policy gave up, nothing in the library fitted, or the caller decided.
 */
export function markHandedOff(state: ConversationState, input: { kind: HandoffKind; reason?: string; carried?: CarriedValues }): void {
  for (const [name, known] of Object.entries(state.attributes)) {
    if (state.phase === 'self-service') state.attributes[name] = { ...known, source: 'self-service' };
  }
  for (const [name, value] of Object.entries(input.carried ?? {})) {
    state.attributes[name] ??= { value, text: String(value), confidence: 1, turn: state.turnCount, source: 'handoff' };
  }
  state.phase = 'assisted';
  state.escalated = true;
  state.pending = null;
  state.offer = null;
  state.status = 'handoff';
  state.handoff = { at: state.updatedAt, ...(input.reason ? { reason: input.reason } : {}), kind: input.kind };
}
