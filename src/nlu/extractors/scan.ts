import { foldApostrophes, normalizeWords, wordMatches, wordsOf } from '../../text/words.js';
import { PLACEHOLDERS } from '../redact/kinds.js';

/**
 * Only the start of a turn is scanned: answers are short, and a pasted 100 KB log must not cost
 * unbounded work (several extractors look at every token).
 */
export const MAX_SCAN_CHARS = 2000;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g;
/** Sentence punctuation followed by a space, or a line break: "49.99" and "a@b.com" stay one sentence. */
const SENTENCE_BREAK = /[.!?;]\s|\n/;

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  /** As text/words normalises words: lower case, accents folded, apostrophes as "'". */
  lower: string;
  /** Index of the sentence the token is in. */
  sentence: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Masking placeholders ("[EMAIL]") in stored turns are not the customer's words: "[PHONE]" must not answer "phone or laptop?". */
const PLACEHOLDER = new RegExp(Object.values(PLACEHOLDERS).map((placeholder) => placeholder.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

/**
 * The scanned part of a turn. Replacements keep every character in place, so offsets found in the
 * result are offsets in the customer's text.
 */
export function prepareText(text: unknown): string {
  if (typeof text !== 'string') return '';
  const scanned = foldApostrophes(text.slice(0, MAX_SCAN_CHARS).replace(CONTROL, ' '));
  return scanned.replace(PLACEHOLDER, (placeholder) => ' '.repeat(placeholder.length));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of wordMatches(text)) {
    const start = match.index;
    if (tokens.length > 0 && SENTENCE_BREAK.test(text.slice(previousEnd, start))) sentence += 1;
    tokens.push({ start, end: start + match[0].length, text: match[0], lower: normalizeWords(match[0]), sentence });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/** Lower case without accents, everything but letters and digits turned into single spaces. */
export function foldText(text: string): string {
  return wordsOf(text, { apostrophes: 'split' }).join(' ');
}
