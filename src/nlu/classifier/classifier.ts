import type { Classification, IntentClassifier, IntentScore } from '../types.js';
import { type FeatureOptions, extractTerms } from './features.js';
import { type InScopeReference, outOfScopeScore } from './out-of-scope.js';
import type { Scorer } from './scorer.js';
import { softmaxInPlace } from './softmax.js';

export const DEFAULT_TOP = 3;

/** A trained classifier: the scorer, its fitted temperature and the in-scope reference for out-of-scope scores. */
export class TrainedIntentClassifier implements IntentClassifier {
  readonly intents: readonly string[];

  constructor(
    private readonly scorer: Scorer,
    private readonly features: FeatureOptions,
    /** Softmax temperature fitted on held-out folds; probabilities are softmax(scores / temperature). */
    readonly temperature: number,
    readonly reference: InScopeReference,
  ) {
    this.intents = scorer.intents;
  }

  classify(text: string, top = DEFAULT_TOP): Classification {
    if (typeof text !== 'string') throw new TypeError(`classify expects the text as a string, got ${typeof text}`);
    const count = Number.isFinite(top) ? Math.min(this.intents.length, Math.max(1, Math.floor(top))) : DEFAULT_TOP;
    const scored = this.scorer.score(extractTerms(text, this.features));
    const probabilities = softmaxInPlace(scored.scores, this.temperature);
    const order = this.intents.map((_, i) => i).sort((a, b) => (probabilities[b] as number) - (probabilities[a] as number) || a - b);
    const ranking: IntentScore[] = order.slice(0, count).map((i) => ({
      intent: this.intents[i] as string,
      confidence: probabilities[i] as number,
    }));
    const topProbability = ranking[0]?.confidence ?? 0;
    return {
      ranking,
      outOfScopeScore: outOfScopeScore({ topProbability, coverage: scored.coverage, knownWords: scored.knownWords }, this.reference),
    };
  }
}
