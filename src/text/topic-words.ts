import { contentWords } from './content-words.js';
import { stem } from './stem.js';
import { TOPIC_STOP_WORDS } from './stop-words.js';

/** The topic words of a text, in order, as they are written: no stop words, request framing, contractions or bare numbers. */
export function topicWords(text: string): string[] {
  return contentWords(text, TOPIC_STOP_WORDS, { apostrophes: 'keep' }).filter((word) => !/^\d+$/.test(word) && !word.includes("'"));
}

/** Words agents use interchangeably for one thing, folded to one stem. */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['buy', 'purchas'],
  ['bought', 'purchas'],
  ['e-mail', 'email'],
  ['mail', 'email'],
  ['cancel', 'cancel'],
  ['cancell', 'cancel'],
]);

/** A word's stem, with synonyms folded ("bought", "purchased" -> "purchas"). */
export function stemOf(word: string): string {
  const stemmed = stem(word);
  return SYNONYMS.get(stemmed) ?? SYNONYMS.get(word) ?? stemmed;
}

/** Stems of the topic words, as a set. */
export function topicStems(text: string): Set<string> {
  return new Set(topicWords(text).map(stemOf));
}
