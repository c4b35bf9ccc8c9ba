import { overlaps, type Span } from './extractors/scan.js';
import { addressSpans } from './redact/addresses.js';
import { emailSpans, phoneSpans } from './redact/contact.js';
import { accountSpans, cardSpans } from './redact/financial.js';
import { PLACEHOLDERS, type PersonalDataKind, type PersonalDataSpan } from './redact/kinds.js';
import { nameSpans } from './redact/names.js';

export { PLACEHOLDERS, type PersonalDataKind, type PersonalDataSpan } from './redact/kinds.js';

export interface MaskedText {
  /** The text with each piece of personal data replaced by a placeholder such as "[EMAIL]". */
  text: string;
  /** What was replaced, as offsets into the input text, in order. */
  found: PersonalDataSpan[];
}

/** Which kind names a merged stretch when two detections of the same length overlap. */
const PRECEDENCE: readonly PersonalDataKind[] = ['email', 'card', 'phone', 'account', 'address', 'name'];
/** Kinds made of digits: overlapping a product value means the detection was wrong, not too long. */
const DIGIT_KINDS: ReadonlySet<PersonalDataKind> = new Set(['phone', 'card', 'account']);

/**
 * Values the service needs and that must survive masking: order, return, invoice and serial numbers,
 * error codes ("BL-4471220", "RMA-123456", "INV-20250311", "TV40118273", "E105"), prices and numeric dates.
 */
const KEPT = [
  /(?<![\p{L}\p{N}])(?:\p{L}{1,5}-\d{3,}|\p{Lu}{2}\d{6,}|E\d{2,3})(?![\p{L}\p{N}])/gu,
  /[$€£]\s?\d[\d,]*(?:\.\d+)?|(?<![\p{L}\p{N}.,])\d[\d,]*(?:\.\d+)?\s?(?:dollars?|euros?|pounds?|usd|eur|gbp)\b/giu,
  /(?<![\p{N}/-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})(?![\p{N}/-])/gu,
];

function keptSpans(text: string): Span[] {
  // Every kept value holds a digit.
  if (!/\d/.test(text)) return [];
  return KEPT.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length })));
}

/**
 * A detection cut short before the first product value it runs into ("ship it to 42 Elm St, it cost
 * $30" keeps the price); a digit detection that overlaps one is dropped.
 */
function clipToKept(text: string, span: PersonalDataSpan, kept: readonly Span[]): PersonalDataSpan | null {
  const hits = kept.filter((other) => overlaps(other, span));
  if (hits.length === 0) return span;
  const first = Math.min(...hits.map((hit) => hit.start));
  if (DIGIT_KINDS.has(span.kind) || first <= span.start) return null;
  const end = span.start + text.slice(span.start, first).trimEnd().replace(/[\s,;:(-]+$/u, '').length;
  return end > span.start ? { ...span, end } : null;
}

/** Overlapping detections become one masked stretch, so no part of either leaks; the longer one names it. */
function mergeOverlaps(spans: readonly PersonalDataSpan[]): PersonalDataSpan[] {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<PersonalDataSpan & { longest: number }> = [];
  for (const span of ordered) {
    const last = merged[merged.length - 1];
    const length = span.end - span.start;
    if (!last || span.start >= last.end) {
      merged.push({ ...span, longest: length });
      continue;
    }
    if (length > last.longest || (length === last.longest && PRECEDENCE.indexOf(span.kind) < PRECEDENCE.indexOf(last.kind))) {
      last.kind = span.kind;
      last.longest = length;
    }
    last.end = Math.max(last.end, span.end);
  }
  return merged.map(({ kind, start, end }) => ({ kind, start, end }));
}

type Detector = (text: string) => PersonalDataSpan[];

/**
 * The detectors that can find something in `text`, in PRECEDENCE order: an email needs an "@"; cards, phone and
 * account numbers, street addresses, PO boxes and postal codes (and the kept values) need an ASCII digit. Most turns
 * have neither, and skipping the detectors that cannot match changes nothing but the time.
 */
function detectorsFor(text: string): Detector[] {
  const email = text.includes('@') ? [emailSpans] : [];
  return /\d/.test(text) ? [...email, cardSpans, phoneSpans, accountSpans, addressSpans, nameSpans] : [...email, nameSpans];
}

/**
 * Replaces emails, phone numbers, payment cards, account numbers, names and street addresses with
 * placeholders before a text is stored or sent to a model. Order, return, invoice and serial numbers,
 * error codes, prices and dates are kept: they are what the service needs to help.
 */
export function maskPersonalData(text: string): MaskedText {
  if (typeof text !== 'string') throw new TypeError(`maskPersonalData: text must be a string, got ${text === null ? 'null' : typeof text}`);
  const kept = keptSpans(text);
  const detected = detectorsFor(text).flatMap((find) => find(text));
  const found = mergeOverlaps(detected.map((span) => clipToKept(text, span, kept)).filter((span): span is PersonalDataSpan => span !== null));
  let masked = '';
  let position = 0;
  for (const span of found) {
    masked += text.slice(position, span.start) + PLACEHOLDERS[span.kind];
    position = span.end;
  }
  return { text: masked + text.slice(position), found };
}
