import { type FeatureOptions, type Terms, Vectorizer } from './features.js';
import { SoftMatcher } from './soft-match.js';
import { type LinearModel, type SoftmaxOptions, linearScores, trainSoftmax } from './softmax.js';
import type { WordVectors } from './word-vectors.js';

export interface ScorerOptions {
  features: FeatureOptions;
  softmax: SoftmaxOptions;
  /** How much the soft word match adds to the linear model's scores (0: not at all). */
  softMatchWeight: number;
}

/** What one utterance scored, before calibration. */
export interface ScoredUtterance {
  /** One score per intent, in the order of `Scorer.intents`. */
  readonly scores: Float64Array;
  /** The best intent's soft word match, in [0, 1]: how much of the text any one intent's vocabulary covers. */
  readonly coverage: number;
  /** Share of the words whose stem was seen in training. */
  readonly knownWords: number;
}

/** The uncalibrated core of the classifier: a softmax regression on TF-IDF and embedding features plus a soft word match. */
export class Scorer {
  private constructor(
    readonly intents: readonly string[],
    private readonly vectorizer: Vectorizer,
    private readonly model: LinearModel,
    private readonly matcher: SoftMatcher,
    private readonly softMatchWeight: number,
  ) {}

  static fit(terms: readonly Terms[], labels: readonly string[], options: ScorerOptions, vectors?: WordVectors): Scorer {
    const intents = [...new Set(labels)].sort();
    const indexOf = new Map(intents.map((intent, i) => [intent, i]));
    const y = Int32Array.from(labels, (label) => indexOf.get(label) as number);
    const vectorizer = new Vectorizer(terms, options.features, vectors);
    const model = trainSoftmax(
      terms.map((t) => vectorizer.vectorize(t)),
      y,
      intents.length,
      vectorizer.dimensions,
      options.softmax,
    );
    const matcher = new SoftMatcher(
      terms.map((t) => t.surface),
      y,
      intents.length,
      vectors,
    );
    return new Scorer(intents, vectorizer, model, matcher, options.softMatchWeight);
  }

  score(terms: Terms): ScoredUtterance {
    const scores = linearScores(this.model, this.vectorizer.vectorize(terms));
    const match = this.matcher.scores(terms.surface);
    let coverage = 0;
    for (let c = 0; c < scores.length; c += 1) {
      const m = match[c] as number;
      scores[c] = (scores[c] as number) + this.softMatchWeight * m;
      if (m > coverage) coverage = m;
    }
    return { scores, coverage, knownWords: this.vectorizer.knownWordShare(terms) };
  }
}
