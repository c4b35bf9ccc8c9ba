/** Held-out scores of one utterance and the index of its true class. */
export interface HeldOutScores {
  readonly scores: Float64Array;
  readonly label: number;
}

function negativeLogLikelihood(heldOut: readonly HeldOutScores[], temperature: number): number {
  let total = 0;
  for (const { scores, label } of heldOut) {
    let max = -Infinity;
    for (const s of scores) if (s > max) max = s;
    let sum = 0;
    for (const s of scores) sum += Math.exp((s - max) / temperature);
    total += Math.log(sum) - ((scores[label] as number) - max) / temperature;
  }
  return total / heldOut.length;
}

const MIN_LOG_TEMPERATURE = Math.log(0.05);
const MAX_LOG_TEMPERATURE = Math.log(20);
/**
 * Weight of a Gaussian prior on log T around 0 (T = 1), counted in held-out rows: with a few dozen rows,
 * all predicted right, the likelihood alone would drive T to its bound and make every answer look certain.
 */
const PRIOR_ROWS = 5;

/**
 * Temperature scaling (Guo et al. 2017): the T that minimizes the negative log-likelihood of
 * softmax(scores / T) on held-out predictions, plus a weak prior toward T = 1 that matters only for
 * small held-out sets. The objective is unimodal in log T, so a golden-section search suffices.
 */
export function fitTemperature(heldOut: readonly HeldOutScores[]): number {
  if (heldOut.length === 0) return 1;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = MIN_LOG_TEMPERATURE;
  let high = MAX_LOG_TEMPERATURE;
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  const objective = (logTemperature: number) =>
    negativeLogLikelihood(heldOut, Math.exp(logTemperature)) + (PRIOR_ROWS * logTemperature * logTemperature) / heldOut.length;
  let fa = objective(a);
  let fb = objective(b);
  while (high - low > 1e-3) {
    if (fa < fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - ratio * (high - low);
      fa = objective(a);
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + ratio * (high - low);
      fb = objective(b);
    }
  }
  return Math.exp((low + high) / 2);
}
