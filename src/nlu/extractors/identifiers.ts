import type { Attribute } from '../../library/schema.js';
import { overlaps, type Span } from './scan.js';
import type { Candidate, ScannedTurn } from './turn.js';

export interface CompiledPattern {
  /** Finds whole matches in running text. */
  search: RegExp;
  /** Tests one candidate string end to end. */
  full: RegExp;
  upperCase: boolean;
  /** Literal letters the pattern starts with ("BL-"), which customers often leave out. */
  prefix: string;
}

const compiled = new Map<string, CompiledPattern | null>();

/** A pattern is upper case when its literal letters and letter classes are ("BL-\d{7}", "[A-Z]{2}\d{8}"). */
function isUpperCasePattern(source: string): boolean {
  const letters = source.replace(/\\[a-zA-Z]/g, '').replace(/\\u\{?[0-9a-fA-F]+\}?/g, '').match(/\p{L}/gu) ?? [];
  return letters.some((letter) => letter !== letter.toLowerCase()) && letters.every((letter) => letter === letter.toUpperCase());
}

/** The attribute pattern compiled for searching running text and for testing one word (null when it does not compile). */
export function compilePattern(source: string): CompiledPattern | null {
  if (compiled.has(source)) return compiled.get(source) ?? null;
  let pattern: CompiledPattern | null;
  const core = source.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  try {
    pattern = {
      search: new RegExp(`(?<![\\p{L}\\p{N}])(?:${core})(?![\\p{L}\\p{N}])`, 'giu'),
      full: new RegExp(`^(?:${core})$`, 'iu'),
      upperCase: isUpperCasePattern(core),
      prefix: (/^(?:[A-Za-z]|\\?-)+/.exec(core.replace(/^(?:\\b)+/, ''))?.[0] ?? '').replace(/\\/g, ''),
    };
  } catch {
    pattern = null;
  }
  if (compiled.size < 1000) compiled.set(source, pattern);
  return pattern;
}

/** Runs of letters and digits joined by at most two spaces, dashes or dots: "BL 447 1220", "tv-4011-8273". */
export interface Chunk extends Span {
  compact: string;
  digits: boolean;
}

const GROUP = /[\p{L}\p{N}]+/gu;
const JOINER = /^[ .-]{1,2}$/;
const MAX_CHUNK_GROUPS = 4;
const MAX_COMPACT = 24;

interface Group extends Span {
  text: string;
}

/**
 * Whether two groups may be one identifier typed in pieces. A word joins across a space only in
 * upper case, so "TV 40118273" is one serial but "is 12345678" is not; "49.99" is a decimal.
 */
function joinable(left: Group, right: Group, text: string): boolean {
  const gap = text.slice(left.end, right.start);
  if (!JOINER.test(gap)) return false;
  if (gap === '.' && /^\d+$/.test(left.text) && /^\d+$/.test(right.text)) return false;
  if (!/\s/.test(gap)) return true;
  const lowerWord = (group: Group): boolean => /^\p{L}+$/u.test(group.text) && group.text !== group.text.toUpperCase();
  return !lowerWord(left) && !lowerWord(right);
}

/** Every run of groups that may be one identifier typed in pieces and holds a digit, longest first. */
export function chunks(text: string): Chunk[] {
  const groups: Group[] = [...text.matchAll(GROUP)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
  const found: Chunk[] = [];
  for (let first = 0; first < groups.length; first += 1) {
    let compact = '';
    for (let last = first; last < groups.length && last - first < MAX_CHUNK_GROUPS; last += 1) {
      const group = groups[last];
      if (!group) break;
      if (last > first && !joinable(groups[last - 1] as Group, group, text)) break;
      compact += group.text;
      if (compact.length > MAX_COMPACT) break;
      if (/\d/.test(compact)) found.push({ start: (groups[first] as Span).start, end: group.end, compact, digits: /^\d+$/.test(compact) });
    }
  }
  return found.sort((a, b) => b.end - b.start - (a.end - a.start));
}

/** Every way to put one separator back into a compact string, the string itself first. */
function separatorVariants(compact: string): string[] {
  const variants = [compact];
  for (let i = 1; i < compact.length; i += 1) {
    variants.push(`${compact.slice(0, i)}-${compact.slice(i)}`, `${compact.slice(0, i)} ${compact.slice(i)}`);
  }
  return variants;
}

function normalized(value: string, pattern: CompiledPattern): string {
  return pattern.upperCase ? value.toUpperCase() : value;
}

/** The one reading of a chunk the pattern accepts, or null when none or several do. */
function tolerantMatch(chunk: Chunk, pattern: CompiledPattern, pending: boolean): { value: string; confidence: number } | null {
  const readings = new Set(separatorVariants(chunk.compact).filter((variant) => pattern.full.test(variant)).map((v) => normalized(v, pattern)));
  if (readings.size === 1) return { value: [...readings][0] as string, confidence: 0.8 };
  if (readings.size > 1 || !pending || !chunk.digits || pattern.prefix === '') return null;
  const completed = `${pattern.prefix}${chunk.compact}`;
  return pattern.full.test(completed) ? { value: normalized(completed, pattern), confidence: 0.7 } : null;
}

/** Values matching the attribute's pattern, also when the customer spaced, dashed or shortened them; never an amount of money. */
export function patternCandidates(turn: ScannedTurn, attribute: Attribute, pending: boolean): Candidate[] {
  const pattern = attribute.pattern === undefined ? null : compilePattern(attribute.pattern);
  if (!pattern) return [];
  const found: Candidate[] = [];
  for (const match of turn.text.matchAll(pattern.search)) {
    if (match[0].length === 0) continue;
    found.push({ start: match.index, end: match.index + match[0].length, value: normalized(match[0], pattern), confidence: 0.95, evident: true });
  }
  const readings = new Map<string, ReturnType<typeof tolerantMatch>>();
  for (const chunk of chunks(turn.text)) {
    if (found.some((candidate) => overlaps(candidate, chunk))) continue;
    if (!readings.has(chunk.compact)) readings.set(chunk.compact, tolerantMatch(chunk, pattern, pending));
    const match = readings.get(chunk.compact);
    if (match) found.push({ start: chunk.start, end: chunk.end, value: match.value, confidence: match.confidence, evident: match.confidence >= 0.8 });
  }
  const money = turn.numbers().filter((mention) => mention.money);
  return found.filter((candidate) => !money.some((amount) => overlaps(amount, candidate))).sort((a, b) => a.start - b.start);
}

const ID_TOKEN = /[\p{L}\p{N}]+(?:[-/.#][\p{L}\p{N}]+)*/gu;
const NOT_AN_ID = /^(?:\d+(?:st|nd|rd|th|am|pm|k)|\d{1,3}(?:[.,]\d+)+|\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|\d{4}-\d{2}-\d{2})$/i;

/**
 * Without a pattern, an answer to the pending question is read as an identifier when a token mixes
 * letters and digits or has a long run of digits ("4471-22", "TV40118273").
 */
export function genericIdCandidates(turn: ScannedTurn, pending: boolean): Candidate[] {
  if (!pending) return [];
  const taken: Span[] = [...turn.emails(), ...turn.phones()];
  const found: Candidate[] = [];
  for (const match of turn.text.matchAll(ID_TOKEN)) {
    const token = match[0];
    const span = { start: match.index, end: match.index + token.length };
    const digits = token.replace(/\D/g, '').length;
    const letters = token.replace(/[^\p{L}]/gu, '').length;
    const alphanumeric = digits + letters;
    if (digits === 0 || NOT_AN_ID.test(token) || taken.some((other) => overlaps(other, span))) continue;
    if (letters > 0 ? alphanumeric >= 4 : digits >= 4) {
      const mixed = letters > 0 && digits >= 2 && alphanumeric >= 6;
      found.push({ ...span, value: token, confidence: mixed || digits >= 6 ? 0.75 : 0.6, evident: false });
    }
  }
  return found;
}
