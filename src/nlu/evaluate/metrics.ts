/** Precision, recall and F1 of one label, in percent. */
export interface LabelMetrics {
  readonly intent: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Rows with this gold label. */
  readonly support: number;
}

/** How often one gold label was predicted as another. */
export interface ConfusionPair {
  readonly gold: string;
  readonly predicted: string;
  readonly count: number;
}

/** Summary metrics in percent. */
export interface Metrics {
  readonly rows: number;
  readonly accuracy: number;
  readonly macroF1: number;
  /** Accuracy on the rows whose gold label is not the out-of-scope label (all rows without one). */
  readonly inScopeAccuracy: number;
  /** Share of out-of-scope rows predicted out of scope; null without an out-of-scope label or rows. */
  readonly oosRecall: number | null;
  /** Per label, sorted by label. */
  readonly perIntent: readonly LabelMetrics[];
  /** Errors grouped by (gold, predicted), most frequent first. */
  readonly confusions: readonly ConfusionPair[];
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : (100 * part) / whole);

/** Standard multi-class metrics; macro-F1 averages over every label that occurs as gold or prediction. */
export function computeMetrics(gold: readonly string[], predicted: readonly string[], oosLabel?: string): Metrics {
  if (gold.length !== predicted.length) throw new RangeError(`${gold.length} gold labels but ${predicted.length} predictions`);
  const truePositives = new Map<string, number>();
  const goldCounts = new Map<string, number>();
  const predictedCounts = new Map<string, number>();
  const confusions = new Map<string, ConfusionPair>();
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  let outOfScope = 0;
  let outOfScopeFound = 0;
  gold.forEach((label, i) => {
    const guess = predicted[i] as string;
    goldCounts.set(label, (goldCounts.get(label) ?? 0) + 1);
    predictedCounts.set(guess, (predictedCounts.get(guess) ?? 0) + 1);
    const hit = label === guess;
    if (hit) {
      correct += 1;
      truePositives.set(label, (truePositives.get(label) ?? 0) + 1);
    } else {
      const key = JSON.stringify([label, guess]);
      const pair = confusions.get(key);
      confusions.set(key, { gold: label, predicted: guess, count: (pair?.count ?? 0) + 1 });
    }
    if (oosLabel !== undefined && label === oosLabel) {
      outOfScope += 1;
      if (hit) outOfScopeFound += 1;
    } else {
      inScope += 1;
      if (hit) inScopeCorrect += 1;
    }
  });
  const labels = [...new Set([...goldCounts.keys(), ...predictedCounts.keys()])].sort();
  const perIntent = labels.map((intent) => {
    const tp = truePositives.get(intent) ?? 0;
    const precision = percent(tp, predictedCounts.get(intent) ?? 0);
    const recall = percent(tp, goldCounts.get(intent) ?? 0);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, precision, recall, f1, support: goldCounts.get(intent) ?? 0 };
  });
  return {
    rows: gold.length,
    accuracy: percent(correct, gold.length),
    macroF1: perIntent.length === 0 ? 0 : perIntent.reduce((sum, m) => sum + m.f1, 0) / perIntent.length,
    inScopeAccuracy: percent(inScopeCorrect, inScope),
    oosRecall: oosLabel === undefined || outOfScope === 0 ? null : percent(outOfScopeFound, outOfScope),
    perIntent,
    confusions: [...confusions.values()].sort(
      (a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted),
    ),
  };
}

/**
 * Expected calibration error in percent: the gap between confidence and accuracy, averaged over
 * equal-width confidence bins weighted by how many predictions fall in each.
 */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  if (confidences.length === 0) return 0;
  const count = new Array<number>(bins).fill(0);
  const confidenceSum = new Array<number>(bins).fill(0);
  const correctSum = new Array<number>(bins).fill(0);
  confidences.forEach((confidence, i) => {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(confidence * bins)));
    count[bin] = (count[bin] as number) + 1;
    confidenceSum[bin] = (confidenceSum[bin] as number) + confidence;
    correctSum[bin] = (correctSum[bin] as number) + (correct[i] ? 1 : 0);
  });
  let error = 0;
  for (let b = 0; b < bins; b += 1) error += Math.abs((confidenceSum[b] as number) - (correctSum[b] as number));
  return (100 * error) / confidences.length;
}

/** The q-quantile (0..1) of the values by the nearest-rank method; 0 for none. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}
