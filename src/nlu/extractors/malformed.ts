import type { Attribute } from '../../library/schema.js';
import { contentWords } from '../../text/content-words.js';
import { readDialogueActs } from '../dialogue-acts.js';
import type { MalformedContext } from '../types.js';
import { cueStrength } from './cues.js';
import { chunks, compilePattern, patternCandidates } from './identifiers.js';
import { phoneRegion, phoneShapes } from './phones.js';
import { overlaps, prepareText, type Span } from './scan.js';
import { scanTurn, type ScannedTurn } from './turn.js';

/**
 * Where a date is looked for only to set it aside: whether words are a date does not depend on today, so a fixed
 * reference keeps this pure.
 */
const REFERENCE = new Date('2000-01-01T00:00:00Z');

/** Words after a number that make it a count or a measure ("3 weeks", "2 times", "55 inch"), not a code. */
const UNIT_AFTER =
  /^\s*(?:%|percent\b|(?:second|minute|hour|day|night|week|month|year|time|inch|inche|foot|feet|meter|cm|mm|gb|tb|mb|hz|mah|watt|volt|item|piece|unit|order|dollar|buck|euro|pound|cent|star|bar|pixel)s?\b|-?(?:inch|year|day|month|week)\b|(?:am|pm|st|nd|rd|th)\b)/i;
/** Words before a number that make it a time, a rank or a share ("after 5", "at 10", "top 3"), not a code. */
const TIME_BEFORE = /\b(?:after|before|around|about|at|by|until|till|since|top|over|under|only|just|almost|nearly)\s*$/i;
/** An answer that asks back: "why do you need that?", "what do you mean". */
const QUESTION = /\?\s*$|^\s*(?:why|what|which|how|where|who|when|can|could|do|does|is|are)\b/i;
/** Spoken email addresses: "jo dot smith at gmail", "jo.smith at outlook dot com". */
const SPOKEN_EMAIL =
  /[\p{L}\p{N}._%+-]+(?:\s+dot\s+[\p{L}\p{N}_%+-]+)*\s+at\s+(?:(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|proton(?:mail)?|live|msn|mail|gmx)\b|[\p{L}\p{N}-]+\s+dot\s+\p{L}{2,})(?:\s+dot\s+\p{L}{2,})*/iu;
/** Something typed around an "@" that is not a whole address: "jo.smith@", "maria@mail", "@gmail.com". */
const AT_SIGN = /[\p{L}\p{N}._%+'-]*@[\p{L}\p{N}.-]*/u;

/** Spans in the turn that are values of another kind: dates, amounts of money, emails, phone numbers, other attributes' codes. */
function otherValues(turn: ScannedTurn, attribute: Attribute, others: readonly Attribute[]): Span[] {
  const spans: Span[] = [...turn.dates(), ...turn.numbers().filter((number) => number.money)];
  if (attribute.type !== 'email') spans.push(...turn.emails());
  if (attribute.type !== 'phone') spans.push(...turn.phones());
  for (const other of others) {
    if (other.type === 'identifier' && other.pattern !== undefined && other.pattern !== attribute.pattern) spans.push(...patternCandidates(turn, other, false));
  }
  return spans;
}

/** A number that reads as a count, a measure, a time or a version rather than a try at a code. */
function quantity(text: string, span: Span): boolean {
  const word = text.slice(span.start, span.end);
  if (!/^\d+$/.test(word)) return /^\d{1,3}(?:[.,]\d+)+$/.test(word);
  return word.length < 2 || UNIT_AFTER.test(text.slice(span.end, span.end + 12)) || TIME_BEFORE.test(text.slice(Math.max(0, span.start - 12), span.start));
}

/** A cue word right beside the span names another attribute more strongly than this one ("model X500" while a serial is asked). */
function namesAnother(turn: ScannedTurn, span: Span, attribute: Attribute, others: readonly Attribute[]): boolean {
  const own = cueStrength(turn.tokens, attribute, span);
  return others.some((other) => cueStrength(turn.tokens, other, span) >= Math.max(0.5, own + 0.2));
}

function identifierAttempt(turn: ScannedTurn, attribute: Attribute, others: readonly Attribute[]): string | null {
  const pattern = attribute.pattern === undefined ? null : compilePattern(attribute.pattern);
  if (!pattern) return null;
  const taken = otherValues(turn, attribute, others);
  const attempts = chunks(turn.text).filter(
    (chunk) =>
      !pattern.full.test(chunk.compact) &&
      !taken.some((span) => overlaps(span, chunk)) &&
      !quantity(turn.text, chunk) &&
      !namesAnother(turn, chunk, attribute, others),
  );
  // chunks() lists every stretch, longest first: keep the longest that does not overlap a kept one, then the one the customer cued.
  const kept: typeof attempts = [];
  for (const chunk of attempts) if (!kept.some((other) => overlaps(other, chunk))) kept.push(chunk);
  const best = kept
    .map((chunk) => ({ chunk, cue: cueStrength(turn.tokens, attribute, chunk) }))
    .sort((a, b) => b.cue - a.cue || a.chunk.start - b.chunk.start)[0];
  return best ? turn.text.slice(best.chunk.start, best.chunk.end) : null;
}

function emailAttempt(text: string): string | null {
  const typed = AT_SIGN.exec(text)?.[0].replace(/[.,;:!?'-]+$/, '');
  if (typed && typed !== '@') return typed;
  return SPOKEN_EMAIL.exec(text)?.[0] ?? null;
}

function phoneAttempt(turn: ScannedTurn, attribute: Attribute, others: readonly Attribute[]): string | null {
  const taken = otherValues(turn, attribute, others);
  const valid = turn.phones();
  const attempt = phoneShapes(turn.text).find(
    (shape) =>
      shape.digits.length >= 3 &&
      !valid.some((phone) => overlaps(phone, shape)) &&
      !taken.some((span) => overlaps(span, shape)) &&
      !quantity(turn.text, shape),
  );
  return attempt ? attempt.text.trim() : null;
}

const MAX_CHOICE_WORDS = 6;
const LEAD_IN = /^(?:(?:um+|uh+|well|so|oh|hmm+|it's|it is|its|i'm on|i am on|i have|i've got|i use|i used|we have|a|an|the|my)\s+)+/i;

/**
 * An answer to a choice that names none of its values ("a speaker" for phone/laptop/TV, "bank transfer" for the
 * ways to pay): short, not a question back, not "I don't know", carrying no value of another kind.
 */
function choiceAttempt(turn: ScannedTurn, attribute: Attribute, others: readonly Attribute[]): string | null {
  const answer = turn.text.trim().replace(/[\s.!]+$/, '');
  if (answer === '' || turn.tokens.length > MAX_CHOICE_WORDS || QUESTION.test(answer)) return null;
  const acts = readDialogueActs(answer);
  if (acts.cannotAnswer || acts.asksForPerson || acts.closing || acts.cancel || acts.affirm || acts.deny || acts.smallTalk || acts.unhelped || acts.offersInstead || acts.asksWhy || acts.holdOn || acts.misunderstood || acts.asksIfBot) return null;
  // A model name ("galaxy s21") may name the choice; digits alone ("4471220") are a code given to the wrong question.
  if (otherValues(turn, attribute, others).length > 0 || chunks(turn.text).some((chunk) => chunk.digits)) return null;
  if (contentWords(answer).length === 0) return null;
  return answer.replace(LEAD_IN, '') || answer;
}

/**
 * What in an answer looks like an attempt at a value of `attribute` that does not fit its type or pattern
 * ("RMA-1234567" for six digits after RMA-, "jo.smith@" or "jo dot smith at gmail" for an email, "555-01" for a phone
 * number, "a speaker" when the choices are phone, laptop or TV), so the policy can say what is expected instead of
 * silently going on. Null when nothing looks like such an attempt: ordinary words, and numbers that are something else
 * (a date, an amount of money, a count such as "3 weeks", a value that fits another attribute in `context`).
 */
export function findMalformed(text: string, attribute: Attribute, context: MalformedContext = {}): string | null {
  const scanned = prepareText(text);
  if (scanned.trim() === '' || !attribute) return null;
  const others = (context.attributes ?? []).filter((other) => other.name !== attribute.name);
  const turn = scanTurn(scanned, REFERENCE, phoneRegion(context.defaultRegion));
  switch (attribute.type) {
    case 'identifier':
      return identifierAttempt(turn, attribute, others);
    case 'email':
      return emailAttempt(scanned);
    case 'phone':
      return phoneAttempt(turn, attribute, others);
    case 'enum':
      return choiceAttempt(turn, attribute, others);
    default:
      return null;
  }
}
