import type { Attribute } from '../../library/schema.js';
import type { Extraction } from '../types.js';
import { contentWords } from '../../text/content-words.js';
import { cueStrength } from './cues.js';
import { freeTextCandidate } from './free-text.js';
import { findMalformed } from './malformed.js';
import { asksForPlace, namedPlace, placeAttribute, unpromptedPlace } from './places.js';
import { overlaps, type Span } from './scan.js';
import type { Candidate, ScannedTurn } from './turn.js';
import { isAddressAttribute } from './addresses.js';
import { asksForMoney, ownWords, typedCandidates } from './typed.js';

interface Proposal extends Candidate {
  attribute: string;
  pending: boolean;
}

/** A cue this strong (a cue word within a few words) lets a value that is not evident bind to a question not asked. */
const MIN_CUE = 0.5;

function round(confidence: number): number {
  return Math.round(Math.min(0.99, Math.max(0, confidence)) * 100) / 100;
}

/**
 * Confidence after the binding rules: an answer to the pending question is surest; a value for another
 * attribute needs an evident form or a cue word nearby, and is less sure without either.
 */
function proposals(turn: ScannedTurn, attribute: Attribute, pending: boolean, alone: boolean): Proposal[] {
  return typedCandidates(turn, attribute, pending, alone).flatMap((candidate) => {
    // The year of "November 3, 2026" is part of a date, not four digits of a card.
    if (attribute.type !== 'date' && insideFullDate(turn, candidate)) return [];
    const cue = cueStrength(turn.tokens, attribute, candidate);
    let confidence: number;
    if (pending) confidence = candidate.confidence + 0.04 + 0.04 * cue;
    else if (candidate.evident) confidence = candidate.confidence * 0.9 + 0.08 * cue;
    else if (cue >= MIN_CUE) confidence = candidate.confidence * (0.55 + 0.3 * cue);
    else return [];
    return [{ ...candidate, attribute: attribute.name, pending, confidence: Math.min(0.99, confidence) }];
  });
}

function insideFullDate(turn: ScannedTurn, span: Span): boolean {
  return turn.dates().some((date) => date.granularity === 'day' && date.start <= span.start && span.end <= date.end && date.end - date.start > span.end - span.start);
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * Picks at most one value per attribute, best first, so that no span fills two attributes; a span that
 * two attributes claim equally (neither asked) fills neither.
 */
function choose(all: readonly Proposal[]): Proposal[] {
  const ranked = [...all].sort((a, b) => b.confidence - a.confidence || Number(b.pending) - Number(a.pending) || a.start - b.start);
  const chosen: Proposal[] = [];
  const contested: Span[] = [];
  for (const proposal of ranked) {
    if (chosen.some((other) => other.attribute === proposal.attribute || overlaps(other, proposal))) continue;
    if (contested.some((span) => overlaps(span, proposal))) continue;
    const rival = ranked.some(
      (other) =>
        other.attribute !== proposal.attribute &&
        !other.pending &&
        !proposal.pending &&
        sameSpan(other, proposal) &&
        Math.abs(other.confidence - proposal.confidence) < 0.005 &&
        !chosen.some((taken) => taken.attribute === other.attribute),
    );
    if (rival) contested.push(proposal);
    else chosen.push(proposal);
  }
  return chosen;
}

/** Words around a stated date that say nothing of what it dates: "it happened around the 3rd, I think". */
const UNSPECIFIC_EVENT_WORDS = new Set(['happened', 'happen', 'occurred', 'think', 'guess', 'maybe', 'probably', 'around', 'about', 'roughly', 'approximately', 'believe', 'pretty', 'sure', 'was', 'were']);
/**
 * Words that set a date rather than tell of another event: yes to a suggestion, and the verbs of putting something on
 * a day ("yes, pencil me in for the 4th", "please change it to March 10th", "make it the 12th instead").
 */
const SETTING_WORDS = new Set(['yes', 'yeah', 'yea', 'yep', 'ok', 'okay', 'please', 'great', 'fine', 'free', 'works', 'change', 'move', 'reschedule', 'schedule', 'set', 'make', 'put', 'pencil', 'try', 'instead', 'actually', 'rather', 'prefer', 'want', 'like', 'wish']);

/** A turn with this few words besides a date states the date as the answer ("it was last tuesday", "on the 3rd"). */
const DATE_STATEMENT_WORDS = 5;

/**
 * A date the customer states in a short turn, with no question open that a date could answer ("it was last tuesday"), when the request has one
 * date to know: that one. It needs no cue word, since nothing else in the turn or the request can take it.
 */
function soleDate(turn: ScannedTurn, attributes: readonly Attribute[], pending: Attribute | undefined, chosen: readonly Proposal[]): Extraction | null {
  const dates = attributes.filter((attribute) => attribute.type === 'date');
  const [only] = dates;
  // An open question a date could answer (a date, a description in words) takes the date itself, if anything does.
  if ((pending && (pending.type === 'date' || pending.type === 'text')) || dates.length !== 1 || !only || chosen.some((proposal) => proposal.attribute === only.name)) return null;
  const [candidate, ...others] = typedCandidates(turn, only, false);
  if (!candidate || others.length > 0 || chosen.some((proposal) => overlaps(proposal, candidate))) return null;
  // The other values the turn gives belong to the statement ("it was 40 bucks twice on the 2nd"): they are left out of
  // its length, and one word about them ("twice") is allowed.
  const outside = (span: Span) => !chosen.some((proposal) => overlaps(proposal, span));
  if (turn.tokens.filter((token) => outside(token) && !overlaps(token, candidate)).length > DATE_STATEMENT_WORDS) return null;
  const restText = [candidate, ...chosen].reduce((text, span) => text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end), turn.text);
  // Only the date and words that say nothing of what happened then ("I called on Monday" dates a call, not this).
  // Words that name the attribute itself say which date it is ("the visit date is the 4th").
  const naming = new Set(ownWords(only));
  const rest = contentWords(restText).filter((word) => !UNSPECIFIC_EVENT_WORDS.has(word) && !SETTING_WORDS.has(word) && !naming.has(word));
  if (rest.length > (chosen.length > 0 ? 1 : 0)) return null;
  return { attribute: only.name, value: candidate.value, text: turn.text.slice(candidate.start, candidate.end), confidence: round(candidate.confidence * 0.8) };
}

/** The choice that stands for every answer a list does not name ("Something else"). */
const OTHER_CHOICE = 'other';

/**
 * An answer to a choice that names none of the listed values ("a smartwatch" for phone, laptop, TV, ...), when the
 * list has "other": that, with the customer's words kept as the value's text for the representative.
 */
function unlistedChoice(turn: ScannedTurn, pending: Attribute | undefined, attributes: readonly Attribute[], chosen: readonly Proposal[]): Extraction | null {
  if (pending?.type !== 'enum' || !pending.values?.includes(OTHER_CHOICE) || chosen.some((proposal) => proposal.attribute === pending.name)) return null;
  const others = attributes.filter((attribute) => attribute !== pending);
  const said = findMalformed(turn.text, pending, { attributes: others });
  return said ? { attribute: pending.name, value: OTHER_CHOICE, text: said, confidence: 0.7 } : null;
}

export function bindValues(turn: ScannedTurn, attributes: readonly Attribute[], pendingName: string | undefined): Extraction[] {
  const pendingAttribute = attributes.find((attribute) => attribute.name === pendingName);
  const amounts = attributes.filter(asksForMoney);
  const addresses = attributes.filter(isAddressAttribute);
  const alone = (attribute: Attribute) => (amounts.length === 1 && amounts[0] === attribute) || (addresses.length === 1 && addresses[0] === attribute);
  const chosen = choose(attributes.flatMap((attribute) => proposals(turn, attribute, attribute === pendingAttribute, alone(attribute))));
  const extractions: Extraction[] = chosen.map((proposal) => ({
    attribute: proposal.attribute,
    value: proposal.value,
    text: turn.text.slice(proposal.start, proposal.end),
    confidence: round(proposal.confidence),
  }));
  const unlisted = unlistedChoice(turn, pendingAttribute, attributes, chosen);
  if (unlisted) extractions.push(unlisted);
  if (pendingAttribute?.type === 'text' && !chosen.some((proposal) => proposal.pending)) {
    const free = freeTextCandidate(turn.text, chosen);
    const answer = free && asksForPlace(pendingAttribute) ? namedPlace(free, turn.text) : free;
    if (answer) extractions.push({ attribute: pendingAttribute.name, value: answer.value, text: turn.text.slice(answer.start, answer.end), confidence: answer.confidence });
  }
  const dated = soleDate(turn, attributes, pendingAttribute, chosen);
  if (dated) extractions.push(dated);
  const unasked = placeAttribute(attributes);
  // Not inside a free-text answer that holds it ("Bourbon Steak in Napa"), nor inside what another attribute took.
  const answeredFreely = pendingAttribute?.type === 'text' && extractions.some((extraction) => extraction.attribute === pendingAttribute.name);
  if (unasked && unasked !== pendingAttribute && !answeredFreely && !extractions.some((extraction) => extraction.attribute === unasked.name)) {
    const place = unpromptedPlace(turn.text);
    if (place && !chosen.some((proposal) => overlaps(proposal, place))) {
      extractions.push({ attribute: unasked.name, value: place.value, text: turn.text.slice(place.start, place.end), confidence: place.confidence });
    }
  }
  const order = new Map(attributes.map((attribute, index) => [attribute.name, index]));
  return extractions.sort((a, b) => (order.get(a.attribute) ?? 0) - (order.get(b.attribute) ?? 0));
}
