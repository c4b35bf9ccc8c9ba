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

function cut(text: string, start: number, maxChars: number): string {
  const prefix = start > 0 ? '…' : '';
  const room = maxChars - prefix.length;
  if (text.length - start <= room) return prefix + text.slice(start);
  const window = text.slice(start, start + room - 1);
  const space = window.lastIndexOf(' ');
  return `${prefix}${(space > room / 2 ? window.slice(0, space) : window).trimEnd()}…`;
}
