import type { Attribute } from '../../library/schema.js';
import { addressSpans } from '../redact/addresses.js';
import { cueStrength } from './cues.js';
import type { Span, Token } from './scan.js';
import type { Candidate, ScannedTurn } from './turn.js';

/** "Email address" and "IP address" are no place to deliver to. */
const NOT_POSTAL = /\b(?:e-?mail|ip|web|mac|wallet)\s+address(?:es)?\b/gi;

/** A free-text attribute for a postal address: its name, label or description says "address" ("newDeliveryAddress"). */
export function isAddressAttribute(attribute: Attribute): boolean {
  if (attribute.type !== 'text') return false;
  const words = `${attribute.name.replace(/([a-z])([A-Z])/g, '$1 $2')} ${attribute.label ?? ''} ${attribute.description}`.replace(NOT_POSTAL, ' ');
  return /\baddress(?:es)?\b/i.test(words);
}

/** Words that, before an address, say it is where something should go or where the customer now is. */
const GOING = new Set(['ship', 'send', 'deliver', 'redirect', 'forward', 'reroute', 'move', 'moved', 'moving', 'relocated', 'live', 'living', 'address', 'now']);
/** Words that, just before an address, say it is not the new one: "my old address was ...", "it went to ...". */
const NOT_NEW = new Set(['old', 'previous', 'former', 'current', 'wrong', 'went', 'delivered', 'not', "isn't", "wasn't"]);
const LOOK_BACK = 10;
const NOT_NEW_LOOK_BACK = 4;

function wordsBefore(tokens: readonly Token[], start: number, count: number): Token[] {
  const index = tokens.findIndex((token) => token.end > start);
  const first = index < 0 ? tokens.length : index;
  const sentence = tokens[first]?.sentence ?? tokens.at(-1)?.sentence;
  return tokens.slice(Math.max(0, first - count), first).filter((token) => token.sentence === sentence);
}

/** Overlapping finds as one address: a street address and the postcode that ends it ("..., Oxford OX1 4AB"). */
function merged(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const result: Span[] = [];
  for (const span of sorted) {
    const last = result.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else result.push({ start: span.start, end: span.end });
  }
  return result;
}

/**
 * Street addresses (number, street name and suffix, unit, city, state and ZIP or postcode, as the masking of personal
 * data finds them) for an address attribute: taken when the customer says where it should go ("the new address is",
 * "ship it to", "deliver to", "we moved to") or when it answers the address question; not an old or wrong address.
 */
/** Words of the turn besides an address said on its own: "it's", "the new one is". */
const BARE_ASIDE_WORDS = 3;

function wordsOutside(turn: ScannedTurn, span: { start: number; end: number }): number {
  return turn.tokens.filter((token) => token.end <= span.start || token.start >= span.end).filter((token) => /[\p{L}\p{N}]/u.test(token.lower)).length;
}

export function addressCandidates(turn: ScannedTurn, attribute: Attribute, pending: boolean, alone = false): Candidate[] {
  return merged(addressSpans(turn.text)).flatMap((span): Candidate[] => {
    const value = turn.text.slice(span.start, span.end).replace(/[\s,.;:]+$/u, '');
    if (!/\d/.test(value) || !/\p{L}{2}/u.test(value)) return [];
    const before = wordsBefore(turn.tokens, span.start, LOOK_BACK);
    if (before.slice(-NOT_NEW_LOOK_BACK).some((token) => NOT_NEW.has(token.lower))) return pending ? [{ ...span, end: span.start + value.length, value, confidence: 0.6, evident: false }] : [];
    const cued = before.some((token) => GOING.has(token.lower)) || cueStrength(turn.tokens, attribute, span) >= 0.5;
    // A whole address said on its own ("12 Main Street, Springfield, IL 62701"), for the request's one address.
    const bare = alone && wordsOutside(turn, span) <= BARE_ASIDE_WORDS;
    if (!cued && !pending) return bare ? [{ start: span.start, end: span.start + value.length, value, confidence: 0.75, evident: true }] : [];
    return [{ start: span.start, end: span.start + value.length, value, confidence: cued ? 0.9 : 0.75, evident: cued }];
  });
}
