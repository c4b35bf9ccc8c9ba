import { wordMatches } from '../text/words.js';
import { indexTerm } from './text.js';

export const SNIPPET_CHARS = 240;
/** How much text before the first matching word a snippet keeps, for context. */
const LEAD_CHARS = 40;

interface WordMatch {
  index: number;
  term: string;
}

/**
 * A one-line excerpt of `text`, at most `maxChars` long, placed where the query's words are densest;
 * rarer words count for more, so "E42" pulls the snippet to the E42 row of an error-code table.
 */
export function makeSnippet(text: string, words: string[], maxChars = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;

  const wanted = new Set(words.map(indexTerm).filter((term): term is string => term !== null));
  const matches: WordMatch[] = [];
  for (const match of wordMatches(flat)) {
    const term = indexTerm(match[0]);
    if (term !== null && wanted.has(term)) matches.push({ index: match.index, term });
  }
  const start = matches.length === 0 ? 0 : windowStart(flat, bestMatch(matches, maxChars - LEAD_CHARS).index);
  return cut(flat, start, maxChars);
}

function bestMatch(matches: WordMatch[], reach: number): WordMatch {
  const occurrences = new Map<string, number>();
  for (const { term } of matches) occurrences.set(term, (occurrences.get(term) ?? 0) + 1);
  let best = matches[0] as WordMatch;
  let bestScore = -1;
  for (const candidate of matches) {
    const inWindow = new Set(matches.filter((m) => m.index >= candidate.index && m.index < candidate.index + reach).map((m) => m.term));
    const score = [...inWindow].reduce((sum, term) => sum + 1 / (occurrences.get(term) ?? 1), 0);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function windowStart(text: string, matchIndex: number): number {
  if (matchIndex <= LEAD_CHARS) return 0;
  const lead = text.slice(matchIndex - LEAD_CHARS, matchIndex);
  const sentence = Math.max(lead.lastIndexOf('. '), lead.lastIndexOf(': '));
  if (sentence >= 0) return matchIndex - LEAD_CHARS + sentence + 2;
  const space = lead.indexOf(' ');
  return space >= 0 ? matchIndex - LEAD_CHARS + space + 1 : matchIndex;
}

const ELLIPSIS = '…';
/** Punctuation that reads wrong right before an ellipsis ("the cable,…"). */
const DANGLING = /[\s,;:(\[{'"“‘–—-]+$/u;
/** Punctuation that reads wrong right after one ("…, then"). */
const LEADING = /^[\s,;:.)\]}!?–—-]+/u;

/**
 * The end of the last whole word that fits before `limit`: a space, or failing that (a long URL or code) a
 * joiner inside the token ("/", "-", "."), so no word is cut in half unless one word fills the whole room.
 */
function wordEnd(text: string, start: number, limit: number): number {
  if (limit >= text.length) return text.length;
  if (/[\s]/u.test(text.charAt(limit))) return limit;
  const window = text.slice(start, limit + 1);
  const space = window.lastIndexOf(' ');
  if (space > 0) return start + space;
  const joiner = Math.max(window.lastIndexOf('/'), window.lastIndexOf('-'), window.lastIndexOf('.'));
  return joiner > 0 ? start + joiner : limit;
}

/** `text` from `start`, at most `maxChars` long with its ellipses, cut only between words and marked "…" on each cut side. */
function cut(text: string, start: number, maxChars: number): string {
  const from = start > 0 ? start + (LEADING.exec(text.slice(start))?.[0].length ?? 0) : 0;
  const prefix = from > 0 ? ELLIPSIS : '';
  if (text.length - from <= maxChars - prefix.length) return prefix + text.slice(from);
  const limit = from + maxChars - prefix.length - ELLIPSIS.length;
  const body = text.slice(from, wordEnd(text, from, limit)).replace(DANGLING, '');
  return `${prefix}${body}${ELLIPSIS}`;
}
