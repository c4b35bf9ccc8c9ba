import type { SolutionSearch } from '../knowledge/types.js';
import type { Catalog } from '../library/catalog.js';
import type { DialogueActReader } from '../nlu/dialogue-acts.js';
import type { AttributeExtractor, Classification, IntentDecision, IntentRanker, IntentScore } from '../nlu/types.js';
import { defaultTrackingOptions, type TrackingOptions } from './intent-tracking.js';
import { STATE_LIMITS, type StateLimits } from './state.js';

export interface EngineOptions extends TrackingOptions, StateLimits {
  /** Characters of a turn that understanding looks at; the rest of a very long message is ignored. */
  maxUnderstoodChars: number;
  /** Runner-up intents an insight lists. */
  candidates: number;
  /** Solutions fetched per search. */
  solutions: number;
  /** A knowledge search that takes longer is abandoned (and aborted); the turn goes on without new solutions. */
  searchTimeoutMs: number;
}

export const defaultEngineOptions: EngineOptions = {
  ...defaultTrackingOptions,
  ...STATE_LIMITS,
  maxUnderstoodChars: 4000,
  candidates: 3,
  solutions: 3,
  searchTimeoutMs: 2000,
};

/**
 * What every transition of a conversation needs, handed in by the composition root (src/app/): the live library,
 * understanding behind its ports, the knowledge search, masking and the clock. The same deps serve every edge,
 * so the same words get the same intent on every protocol.
 */
export interface EngineDeps {
  catalog: Catalog;
  /** The intent ranker: the local classifier, or Azure OpenAI over it when configured. */
  ranker: IntentRanker;
  decide(classification: Classification, rejected: readonly string[]): IntentDecision;
  extractor: AttributeExtractor;
  /** Reads what a customer turn does besides naming a request; the local patterns when not given. */
  acts?: DialogueActReader;
  search: SolutionSearch | null;
  /** Masks personal data in text before it is stored. */
  mask(text: string): string;
  now(): Date;
  defaultRegion?: string;
  options?: Partial<EngineOptions>;
}

export function engineOptions(deps: EngineDeps): EngineOptions {
  return { ...defaultEngineOptions, ...deps.options };
}

/**
 * The decision among the library's own intents in a ranking (a model ranker may name others), leaving out the
 * conversation's rejected ones; with the intents it chose among.
 */
export function decideAmongKnown(classification: Classification, rejected: readonly string[], deps: Pick<EngineDeps, 'catalog' | 'decide'>): { known: IntentScore[]; decision: IntentDecision } {
  const known = classification.ranking.filter((score) => deps.catalog.intent(score.intent) !== undefined);
  return { known, decision: deps.decide({ ...classification, ranking: known }, rejected) };
}
