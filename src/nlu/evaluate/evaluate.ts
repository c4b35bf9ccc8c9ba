import { type DecisionOptions, decideIntent } from '../decision.js';
import type { IntentClassifier, IntentDecision, LabelledUtterance } from '../types.js';
import { type Metrics, computeMetrics, expectedCalibrationError, percentile } from './metrics.js';

export interface EvaluationOptions {
  /** The gold label of out-of-scope rows: they must be decided out-of-scope. */
  oosLabel?: string;
  decision?: Partial<DecisionOptions>;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

export interface Prediction {
  readonly text: string;
  readonly gold: string;
  /** The top intent, or the out-of-scope label when one is given and the decision is out-of-scope. */
  readonly predicted: string;
  /** The classifier's best intent, whatever the decision. */
  readonly topIntent: string;
  /** The second-ranked intent, '' when there is none. */
  readonly runnerUp: string;
  /** Calibrated confidence of the top intent. */
  readonly confidence: number;
  readonly outOfScopeScore: number;
  readonly decision: IntentDecision['kind'];
  readonly correct: boolean;
}

export interface EvaluationResult extends Metrics {
  readonly oosLabel: string | null;
  /** Expected calibration error of the top confidence on in-scope rows, in percent. */
  readonly ece: number;
  /** Share of rows the decision rule sends to clarify / out-of-scope, in percent. */
  readonly clarifyRate: number;
  readonly outOfScopeRate: number;
  /** Milliseconds to classify and decide one utterance. */
  readonly latencyMsP50: number;
  readonly latencyMsP95: number;
  readonly predictions: readonly Prediction[];
}

/**
 * Classifies every row and scores the predictions. Without an out-of-scope label the prediction is the
 * top intent (pure classification accuracy); with one, an out-of-scope decision predicts that label.
 */
export function evaluateClassifier(
  classifier: IntentClassifier,
  rows: readonly LabelledUtterance[],
  options: EvaluationOptions = {},
): EvaluationResult {
  const now = options.now ?? (() => performance.now());
  const oosLabel = options.oosLabel;
  const latencies: number[] = [];
  const predictions: Prediction[] = rows.map((row) => {
    const started = now();
    const classification = classifier.classify(row.text);
    const decision = decideIntent(classification, options.decision);
    latencies.push(now() - started);
    const top = classification.ranking[0];
    const outOfScope = oosLabel !== undefined && decision.kind === 'out-of-scope';
    const predicted = outOfScope ? oosLabel : (top?.intent ?? '');
    return {
      text: row.text,
      gold: row.intent,
      predicted,
      topIntent: top?.intent ?? '',
      runnerUp: classification.ranking[1]?.intent ?? '',
      confidence: top?.confidence ?? 0,
      outOfScopeScore: classification.outOfScopeScore,
      decision: decision.kind,
      correct: predicted === row.intent,
    };
  });
  const metrics = computeMetrics(
    predictions.map((p) => p.gold),
    predictions.map((p) => p.predicted),
    oosLabel,
  );
  const inScope = predictions.filter((p) => p.gold !== oosLabel);
  const share = (kind: IntentDecision['kind']) =>
    predictions.length === 0 ? 0 : (100 * predictions.filter((p) => p.decision === kind).length) / predictions.length;
  return {
    ...metrics,
    oosLabel: oosLabel ?? null,
    ece: expectedCalibrationError(
      inScope.map((p) => p.confidence),
      inScope.map((p) => p.topIntent === p.gold),
    ),
    clarifyRate: share('clarify'),
    outOfScopeRate: share('out-of-scope'),
    latencyMsP50: percentile(latencies, 0.5),
    latencyMsP95: percentile(latencies, 0.95),
    predictions,
  };
}
