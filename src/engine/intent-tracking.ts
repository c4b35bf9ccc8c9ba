import type { Classification, IntentDecision } from '../nlu/types.js';
import type { ConversationState } from './state.js';

export interface TrackingOptions {
  /** A different intent must reach this confidence to replace the current one. */
  switchMinConfidence: number;
  /** ... and beat the current intent's confidence on the same turn by this much. */
  switchMargin: number;
}

export const defaultTrackingOptions: TrackingOptions = { switchMinConfidence: 0.55, switchMargin: 0.25 };

export type TrackingOutcome =
  | { kind: 'keep' }
  | { kind: 'set'; intent: string; confidence: number }
  | { kind: 'clarify'; between: [string, string] }
  | { kind: 'out-of-scope' };

const FIRST = /\b(?:first|1st|former|the one before|option 1|number one)\b|^\s*(?:1|a)\s*[.)]?\s*$/i;
const SECOND = /\b(?:second|2nd|latter|last one|option 2|number two)\b|^\s*(?:2|b)\s*[.)]?\s*$/i;

function confidenceOf(classification: Classification, intent: string): number {
  return classification.ranking.find((score) => score.intent === intent)?.confidence ?? 0;
}

/** The customer's reply to "Is it A or B?": an ordinal, or whichever of the two the text favours clearly. */
export function resolveClarification(text: string, between: readonly string[], classification: Classification): string | null {
  const [a, b] = between;
  if (a === undefined || b === undefined) return null;
  if (FIRST.test(text) && !SECOND.test(text)) return a;
  if (SECOND.test(text) && !FIRST.test(text)) return b;
  const pa = confidenceOf(classification, a);
  const pb = confidenceOf(classification, b);
  if (pa + pb < 0.2) return null;
  if (pa / (pa + pb) >= 0.65) return a;
  if (pb / (pa + pb) >= 0.65) return b;
  return null;
}

/**
 * Hysteresis: the intent is re-detected on every customer turn but only switches when the new one is
 * clearly stronger than the current one on the same turn. A turn that answered the pending question,
 * an ambiguous turn or an out-of-scope turn keeps the current intent.
 */
export function trackIntent(
  state: Pick<ConversationState, 'intent'>,
  decision: IntentDecision,
  classification: Classification,
  answeredPending: boolean,
  options: TrackingOptions = defaultTrackingOptions,
): TrackingOutcome {
  const current = state.intent;
  if (decision.kind === 'out-of-scope') return current ? { kind: 'keep' } : { kind: 'out-of-scope' };
  if (decision.kind === 'clarify') {
    return current ? { kind: 'keep' } : { kind: 'clarify', between: [decision.between[0].intent, decision.between[1].intent] };
  }
  if (!current) return { kind: 'set', intent: decision.intent, confidence: decision.confidence };
  if (decision.intent === current.id) {
    return decision.confidence > current.confidence ? { kind: 'set', intent: current.id, confidence: decision.confidence } : { kind: 'keep' };
  }
  if (answeredPending) return { kind: 'keep' };
  const clearlyStronger =
    decision.confidence >= options.switchMinConfidence && decision.confidence - confidenceOf(classification, current.id) >= options.switchMargin;
  return clearlyStronger ? { kind: 'set', intent: decision.intent, confidence: decision.confidence } : { kind: 'keep' };
}
