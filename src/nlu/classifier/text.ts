import { stemmer } from 'stemmer';

/**
 * Only the start of a very long text is read: customer utterances are short, and reading
 * 100 KB of pasted logs would cost latency without telling the intent apart any better.
 */
export const MAX_TEXT_CHARS = 2000;

const CONTROL_OR_SEPARATOR = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Z}]+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc`´]/g;
const WORD = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)*/gu;
const DIGITS = /^\p{N}+$/u;

/** Case-folded, NFKC-normalized text with control characters and runs of spaces collapsed to one space. */
export function normalizeText(text: string): string {
  return text
    .slice(0, MAX_TEXT_CHARS)
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(CONTROL_OR_SEPARATOR, ' ')
    .trim();
}

const NEGATED_BASES: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };

/** Splits English contractions so "haven't" and "have not" share their words. */
function expandContraction(token: string): string[] {
  if (token.endsWith("n't")) {
    const base = token.slice(0, -3);
    return [NEGATED_BASES[base] ?? base, 'not'];
  }
  const apostrophe = token.indexOf("'");
  return apostrophe > 0 ? [token.slice(0, apostrophe)] : [token];
}

/** Word tokens of normalized text, contractions split, numbers folded to "#". */
export function words(normalized: string): string[] {
  const tokens: string[] = [];
  for (const match of normalized.matchAll(WORD)) {
    for (const token of expandContraction(match[0])) {
      if (token.length > 0) tokens.push(DIGITS.test(token) ? '#' : token);
    }
  }
  return tokens;
}

const stemCache = new Map<string, string>();

/** Porter stem of one lower-case word, cached since the same words recur in every utterance. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}
