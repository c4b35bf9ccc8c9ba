import { stem } from '../text/stem.js';
import { SEARCH_STOP_WORDS } from '../text/stop-words.js';
import { wordsOf } from '../text/words.js';

/** Longer queries are cut here (at a word boundary): the start of a pasted wall of text says the most. */
export const MAX_QUERY_CHARS = 2000;
/** At most this many distinct words of a query are searched. */
export const MAX_QUERY_WORDS = 32;

/** Words as the index and the queries split them: at apostrophes, as search engines do ("won't" is searched as "won"). */
export function searchWordsOf(text: string): string[] {
  return wordsOf(text, { apostrophes: 'split' });
}

/** The index and search form of a word as written (normalised, stemmed), or null for stop words and single characters. */
export function indexTerm(word: string): string | null {
  const [normalized] = searchWordsOf(word);
  if (normalized === undefined || normalized.length < 2 || SEARCH_STOP_WORDS.has(normalized)) return null;
  return stem(normalized);
}

/**
 * The distinct words worth searching for, in order, normalized but not stemmed (each backend stems
 * its own way). Empty for a blank query or one made only of stop words and punctuation.
 */
export function queryWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of searchWordsOf(truncate(text, MAX_QUERY_CHARS))) {
    if (word.length < 2 || SEARCH_STOP_WORDS.has(word)) continue;
    words.add(word);
    if (words.size === MAX_QUERY_WORDS) break;
  }
  return [...words];
}

function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.search(/\s\S*$/u);
  return lastSpace > 0 ? cut.slice(0, lastSpace) : cut;
}
