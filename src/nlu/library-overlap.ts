import type { IntentLibrary } from '../library/schema.js';
import { Random } from '../text/random.js';
import { assignFolds, trainIntentClassifier, type TrainOptions } from './classifier/train.js';
import { computeMetrics } from './evaluate/metrics.js';
import type { LabelledUtterance } from './types.js';

/** Intents with fewer examples than this are flagged: the classifier has too little to learn them from. */
export const MIN_EXAMPLES = 5;
/** A pair is an overlap when at least this share of one intent's held-out examples goes to the other... */
const OVERLAP_SHARE = 0.2;
/** ...and at least this many do (one stray example of a small intent says little). */
const OVERLAP_COUNT = 2;
const FOLDS = 5;
/** Examples of an intent that the check reads (the first ones): bounds its cost on big libraries. */
const MAX_EXAMPLES_PER_INTENT = 40;
/**
 * Quick models (words only, no word vectors, five epochs, no calibration): the service computes this while it serves
 * conversations, and the confusions are what matters here, not calibrated scores. About ten times cheaper than with
 * word vectors; on the demo library it flags the three pairs that model flags and three more (docs/benchmarks.md).
 */
const QUICK: TrainOptions = { calibrationFolds: 0, features: { minCharNgram: 1, maxCharNgram: 0, charWeight: 0 }, softmax: { epochs: 5 }, wordVectors: null };

/** Held-out examples of `intent` that a model trained without them took for `confusedWith`. */
export interface IntentOverlap {
  intent: string;
  confusedWith: string;
  count: number;
  /** Of `intent`'s held-out examples. */
  share: number;
}

export interface LibraryQuality {
  overlaps: IntentOverlap[];
  fewExamples: Array<{ intent: string; examples: number }>;
  /** Examples the cross-validation classified. */
  checked: number;
}

/**
 * Cross-validation on the library's own examples (every intent not discarded, drafts included): each fold is
 * classified by a model trained on the others, and the intents whose examples go to another intent are overlaps.
 */
export function libraryQuality(library: IntentLibrary, seed = 7): LibraryQuality {
  const intents = library.intents.filter((intent) => intent.status !== 'discarded');
  const fewExamples = intents.filter((intent) => intent.examples.length < MIN_EXAMPLES).map((intent) => ({ intent: intent.id, examples: intent.examples.length }));
  const examples: LabelledUtterance[] = intents.flatMap((intent) => intent.examples.slice(0, MAX_EXAMPLES_PER_INTENT).map((text) => ({ text, intent: intent.id })));
  if (intents.length < 2 || examples.length < FOLDS) return { overlaps: [], fewExamples, checked: 0 };
  const fold = assignFolds(examples, FOLDS, new Random(seed));
  const gold: string[] = [];
  const predicted: string[] = [];
  for (let k = 0; k < FOLDS; k += 1) {
    const training = examples.filter((_, i) => fold[i] !== k);
    const testing = examples.filter((_, i) => fold[i] === k);
    if (testing.length === 0 || new Set(training.map((e) => e.intent)).size < 2) continue;
    const classifier = trainIntentClassifier(training, { ...QUICK, seed });
    for (const example of testing) {
      gold.push(example.intent);
      predicted.push(classifier.classify(example.text, 1).ranking[0]?.intent ?? '');
    }
  }
  const metrics = computeMetrics(gold, predicted);
  const support = new Map(metrics.perIntent.map((m) => [m.intent, m.support] as const));
  const overlaps = metrics.confusions
    .map((pair) => ({ intent: pair.gold, confusedWith: pair.predicted, count: pair.count, share: pair.count / Math.max(1, support.get(pair.gold) ?? 0) }))
    .filter((pair) => pair.confusedWith !== '' && pair.count >= OVERLAP_COUNT && pair.share >= OVERLAP_SHARE)
    .sort((a, b) => b.share - a.share || b.count - a.count);
  return { overlaps, fewExamples, checked: gold.length };
}
