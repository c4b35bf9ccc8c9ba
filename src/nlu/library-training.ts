import { liveIntents, type IntentLibrary } from '../library/schema.js';
import { backgroundUtterances, OUT_OF_SCOPE_LABEL } from './background.js';
import { type TrainOptions, trainIntentClassifier } from './classifier/train.js';
import type { Classification, IntentClassifier, LabelledUtterance } from './types.js';

/** The training utterances of a library: every live intent's examples, name and description, labelled with its id. */
export function libraryExamples(library: IntentLibrary): LabelledUtterance[] {
  return liveIntents(library).flatMap((intent) =>
      [...intent.examples, intent.name, intent.description]
        .filter((text) => text.trim() !== '')
        .map((text) => ({ text, intent: intent.id })),
    );
}

/**
 * A library classifier that also learned what is nobody's intent (greetings, small talk, other domains) as a
 * background class. The background class never appears in the ranking; its share against the best intent
 * raises the out-of-scope score, so "hello" is out of scope rather than the nearest intent.
 */
class LibraryClassifier implements IntentClassifier {
  readonly intents: readonly string[];

  constructor(private readonly inner: IntentClassifier) {
    this.intents = inner.intents.filter((intent) => intent !== OUT_OF_SCOPE_LABEL);
  }

  classify(text: string, top?: number): Classification {
    const all = this.inner.classify(text, this.inner.intents.length);
    const background = all.ranking.find((score) => score.intent === OUT_OF_SCOPE_LABEL)?.confidence ?? 0;
    const ranking = all.ranking.filter((score) => score.intent !== OUT_OF_SCOPE_LABEL).slice(0, Math.max(1, top ?? 3));
    const best = ranking[0]?.confidence ?? 0;
    const backgroundShare = background + best > 0 ? background / (background + best) : 0;
    return { ranking, outOfScopeScore: Math.max(all.outOfScopeScore, backgroundShare) };
  }
}

/** A library with no live intent that has any text: nothing to detect. */
export class NothingToTrainError extends RangeError {
  override name = 'NothingToTrainError';
}

/** Trains the lexical classifier on a library; throws when no live intent has any text to learn from. */
export function trainFromLibrary(library: IntentLibrary, options?: TrainOptions): IntentClassifier {
  const examples = libraryExamples(library);
  if (examples.length === 0) throw new NothingToTrainError(`library "${library.id}" has no approved or draft intent to train on`);
  const background = backgroundUtterances.map((text) => ({ text, intent: OUT_OF_SCOPE_LABEL }));
  return new LibraryClassifier(trainIntentClassifier([...examples, ...background], options));
}
