/** What in-scope held-out utterances look like, measured while training. */
export interface InScopeReference {
  /** 10th percentile of the best-intent soft word match of held-out in-scope utterances. */
  readonly coverage: number;
  /** 10th percentile of their share of known words. */
  readonly knownWords: number;
}

export interface OutOfScopeSignals {
  /** Calibrated probability of the best intent. */
  readonly topProbability: number;
  /** Best intent's soft word match, in [0, 1]. */
  readonly coverage: number;
  /** Share of words whose stem was seen in training, in [0, 1]. */
  readonly knownWords: number;
}

function ratio(value: number, reference: number): number {
  return reference > 0 ? Math.min(1, value / reference) : Math.min(1, value);
}

/**
 * 1 - evidence that the text belongs to a known intent: the calibrated top probability, scaled down when
 * the words are covered less than nine in ten held-out in-scope utterances are. The probability alone
 * separates held-out BANKING77 intents best; the coverage factors catch gibberish and foreign text,
 * on which a softmax can still be sure.
 */
export function outOfScopeScore(signals: OutOfScopeSignals, reference: InScopeReference): number {
  const evidence =
    signals.topProbability * ratio(signals.coverage, reference.coverage) * ratio(signals.knownWords, reference.knownWords);
  return Math.min(1, Math.max(0, 1 - evidence));
}
