import type { LiveClassifier } from '../library/merge.js';
import type { IntentLibrary } from '../library/schema.js';
import { decideIntent } from './decision.js';
import { NothingToTrainError, trainFromLibrary } from './library-training.js';
import type { IntentClassifier } from './types.js';

/** A clarify between two intents is half a vote for the better one. */
const CLARIFY_VOTE = 0.5;

/**
 * What a library's classifier says about a set of texts, as the share of them it decides for each intent
 * (with the engine's own decision: out-of-scope texts vote for none).
 */
export function classifierVotes(classifier: IntentClassifier): LiveClassifier {
  return {
    intents: classifier.intents,
    votes(texts) {
      const votes = new Map<string, number>();
      for (const text of texts) {
        const decision = decideIntent(classifier.classify(text, 3));
        if (decision.kind === 'intent') votes.set(decision.intent, (votes.get(decision.intent) ?? 0) + 1);
        else if (decision.kind === 'clarify') votes.set(decision.between[0].intent, (votes.get(decision.between[0].intent) ?? 0) + CLARIFY_VOTE);
      }
      for (const [intent, count] of votes) votes.set(intent, count / Math.max(1, texts.length));
      return votes;
    },
  };
}

/** The live library's classifier for a merge, or undefined when it has no intent with text to learn from. */
export function liveClassifier(live: IntentLibrary): LiveClassifier | undefined {
  try {
    return classifierVotes(trainFromLibrary(live));
  } catch (error) {
    if (error instanceof NothingToTrainError) return undefined;
    throw error;
  }
}
