import { STOP_WORDS } from './stop-words.js';
import { wordsOf, type WordOptions } from './words.js';

export interface ContentWordOptions extends WordOptions {
  /** Shorter words are left out; 2 by default, since a single letter says nothing. */
  minLength?: number;
}

/** The words of a text that are not in `stopWords`, in order. */
export function contentWords(text: string, stopWords: ReadonlySet<string> = STOP_WORDS, options: ContentWordOptions = {}): string[] {
  const minLength = options.minLength ?? 2;
  return wordsOf(text, options).filter((word) => word.length >= minLength && !stopWords.has(word));
}
