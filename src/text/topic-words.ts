import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** Words that carry no topic in an agent's question or a customer's request. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...eng,
  'please', 'could', 'would', 'can', 'may', 'tell', 'let', 'know', 'give', 'provide', 'share', 'confirm', 'send', 'check', 'need',
  'like', 'want', 'just', 'also', 'sure', 'okay', 'ok', 'great', 'thanks', 'thank', 'help', 'look', 'find', 'quick', 'first', 'get', 'got',
  'use', 'used', 'using', 'prefer', 'preferred', 'happy', 'alright', 'right', 'kindly', 'mind', 'moment', 'able', 'exactly', 'roughly',
]);

/** Lower-case word tokens of a text, letters and digits only. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** The topic words of a text, in order, as they are written. */
export function topicWords(text: string): string[] {
  return wordsOf(text).filter((word) => word.length > 1 && !FUNCTION_WORDS.has(word) && !/^\d+$/.test(word) && !word.includes("'"));
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
  const stem = stemmer(word);
  return SYNONYMS.get(stem) ?? SYNONYMS.get(word) ?? stem;
}

/** Stems of the topic words, as a set. */
export function topicStems(text: string): Set<string> {
  return new Set(topicWords(text).map(stemOf));
}
