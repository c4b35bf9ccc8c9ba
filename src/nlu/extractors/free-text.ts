import { wordsOf } from '../../text/words.js';
import { overlaps, type Span } from './scan.js';
import type { Candidate } from './turn.js';

const CLAUSE_BREAK = /[.!?;,]+(?:\s+|$)|\n+/g;
const FILLER = /^(?:(?:um+|uh+|erm?|hmm+|mm+|well|so|oh|ok(?:ay)?|yeah|yes|like|actually|basically)\b[\s,.!-]*)+/i;
const LEAD_IN = /^(?:it's|its|it is|it was|that's|that is|this is|i think(?: that)?|i guess|the answer is|it says)\b[\s,:-]*/i;
const TRAILING_PUNCTUATION = /[\s,.!;:-]/;
const TRAILING_WORD = /\b(?:thanks|thank you|thx|please|cheers)$/i;
const DECLINE = /^(?:i\s+)?(?:don't know|do not know|dunno|idk|not sure|no idea|no clue|can't remember|don't remember|forgot|forget|skip|pass)\W*$/i;
const MAX_VALUE_CHARS = 1000;

function clauses(text: string): Span[] {
  const found: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    found.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  found.push({ start, end: text.length });
  return found.filter((clause) => text.slice(clause.start, clause.end).trim() !== '');
}

/** At most this many other words beside a value make a clause that only carried the value ("order BL-4471220"). */
const MAX_WORDS_BESIDE_VALUE = 4;

function onlyCarriesValue(text: string, clause: Span, claimed: readonly Span[]): boolean {
  const inside = claimed.filter((span) => overlaps(span, clause));
  if (inside.length === 0) return false;
  let rest = text.slice(clause.start, clause.end);
  for (const span of [...inside].sort((a, b) => b.start - a.start)) {
    rest = rest.slice(0, Math.max(0, span.start - clause.start)) + ' ' + rest.slice(Math.max(0, span.end - clause.start));
  }
  return wordsOf(rest, { apostrophes: 'split' }).length <= MAX_WORDS_BESIDE_VALUE;
}

/** The longest run of neighbouring clauses, leaving out those that only carried values other attributes took. */
function freeRun(text: string, claimed: readonly Span[]): Span | null {
  let best: Span | null = null;
  let run: Span | null = null;
  for (const clause of clauses(text)) {
    if (onlyCarriesValue(text, clause, claimed)) {
      run = null;
      continue;
    }
    run = run ? { start: run.start, end: clause.end } : { ...clause };
    if (!best || run.end - run.start > best.end - best.start) best = run;
  }
  return best;
}

/** Where the answer ends without trailing punctuation and "thanks"; a loop, since a regex would backtrack on long punctuation runs. */
function trimmedEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  for (;;) {
    while (trimmed > start && TRAILING_PUNCTUATION.test(text[trimmed - 1] ?? '')) trimmed -= 1;
    const word = TRAILING_WORD.exec(text.slice(Math.max(start, trimmed - 12), trimmed));
    if (!word) return trimmed;
    trimmed -= word[0].length;
  }
}

/**
 * The customer's own words as the answer to a pending free-text question, without filler ("um, it's
 * ...") and without the clauses that carried values for other attributes.
 */
export function freeTextCandidate(text: string, claimed: readonly Span[]): Candidate | null {
  const run = freeRun(text, claimed);
  if (!run) return null;
  let start = run.start;
  let end = run.end;
  const leading = /^\s*/.exec(text.slice(start, end))?.[0].length ?? 0;
  start += leading;
  for (const pattern of [FILLER, LEAD_IN]) start += pattern.exec(text.slice(start, end))?.[0].length ?? 0;
  end = trimmedEnd(text, start, end);
  end = Math.min(end, start + MAX_VALUE_CHARS);
  const value = text.slice(start, end).trim();
  if (value === '' || DECLINE.test(value)) return null;
  const whole = run.start === 0 && text.slice(run.end).trim().length <= 1;
  const question = text.slice(run.start, run.end).trim().endsWith('?') || text.trim().endsWith('?');
  const confidence = question ? 0.4 : whole ? 0.7 : 0.6;
  return { start, end: start + value.length, value, confidence, evident: false };
}
