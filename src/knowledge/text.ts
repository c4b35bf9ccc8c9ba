import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** Longer queries are cut here (at a word boundary): the start of a pasted wall of text says the most. */
export const MAX_QUERY_CHARS = 2000;
/** At most this many distinct words of a query are searched. */
export const MAX_QUERY_WORDS = 32;

const greetingsAndFillers = ['hi', 'hello', 'hey', 'please', 'pls', 'thanks', 'thank', 'ok', 'okay'];
const stopWords = new Set([...eng, ...greetingsAndFillers]);

/** Lower case without diacritics, so "Écran" and "ecran" are one word. */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Splits on anything that is not a letter or digit: "BL-4471220" gives "BL" and "4471220". */
export function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** The index and search form of a word (normalized, stemmed), or null for stop words and single characters. */
export function indexTerm(word: string): string | null {
  const normalized = normalizeWord(word);
  if (normalized.length < 2 || stopWords.has(normalized)) return null;
  return stemmer(normalized);
}

/**
 * The distinct words worth searching for, in order, normalized but not stemmed (each backend stems
 * its own way). Empty for a blank query or one made only of stop words and punctuation.
 */
export function queryWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of splitWords(truncate(text, MAX_QUERY_CHARS))) {
    const normalized = normalizeWord(word);
    if (normalized.length < 2 || stopWords.has(normalized)) continue;
    words.add(normalized);
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
