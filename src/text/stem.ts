import { stemmer } from 'stemmer';

/** Enough for every word of a large training set; beyond it, words are stemmed without being kept. */
const MAX_CACHED = 200_000;
const cache = new Map<string, string>();

/** Porter stem of one normalised word ("purchased" -> "purchas"), cached since the same words recur in every text. */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (cache.size < MAX_CACHED) cache.set(word, stemmed);
  }
  return stemmed;
}
