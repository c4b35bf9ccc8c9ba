import { overlaps } from '../extractors/scan.js';
import { spansOf, type PersonalDataSpan } from './kinds.js';

/** An alternation matching each word in lower case, Capitalized or UPPER case (a case-insensitive flag would also fold \p{Lu}). */
function anyCase(words: string): string {
  return words
    .split(' ')
    .flatMap((word) => [word, `${word.charAt(0).toUpperCase()}${word.slice(1)}`, word.toUpperCase()])
    .join('|');
}

const SUFFIX = anyCase(
  'street st avenue ave road rd boulevard blvd lane ln drive dr court ct place pl way terrace ter circle cir parkway pkwy ' +
    'highway hwy square sq trail trl crescent cres close grove row alley plaza loop path pike gardens mews walk',
);
/** Words that do not occur inside a street name but do between a number and a word like "way" in plain talk. */
const NOT_STREET_WORD = `(?!(?:${anyCase('at on in my a an and for to with from is was are it i you we your our by of the time times item items day days week weeks')})\\b)`;
const STREET_WORD = String.raw`${NOT_STREET_WORD}[\p{L}\p{N}][\p{L}\p{N}'.-]*`;
const UNIT = String.raw`(?:,?\s*(?:${anyCase('apt apartment unit suite ste flat floor fl room rm')}|#)\.?\s*#?\s*[\p{L}\p{N}-]{1,6})`;
const CITY = String.raw`(?:,\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2})`;
const REGION_AND_CODE = String.raw`(?:,?\s*(?:\p{Lu}{2}\s+)?(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})|,\s*\p{Lu}{2}\b)`;

const LEADING_UNIT = String.raw`(?:(?:${anyCase('flat apt apartment unit suite')})\.?\s*#?\s*[\p{L}\p{N}-]{1,6},?\s+)`;
const DIRECTION = String.raw`(?:\s+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b\.?)`;
/**
 * "Flat 3, 221B Baker Street NW, Apt 4, Springfield, IL 62704": a house number, up to four words and a
 * street suffix, with the unit, direction, city and postal code around them.
 */
const STREET_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])${LEADING_UNIT}?\d{1,6}[A-Za-z]?(?:-\d{1,5})?\s+(?:${STREET_WORD}\s+){1,4}?(?:${SUFFIX})(?![\p{L}\p{N}])\.?${DIRECTION}?${UNIT}?(?:${CITY}${REGION_AND_CODE}?)?`,
  'gu',
);
const PO_BOX = /\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box)\s*#?\s*\d{1,7}\b/giu;
const CUED_CODE =
  /\b(?:zip(?:\s*code)?|postal\s+code|post\s*code)\s*(?:is|was|:)?\s*(\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/dgiu;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/gu;
/** After "my address is" or "ship it to", the rest of the clause. */
const CUED_ADDRESS =
  /\b(?:(?:my|the|our)\s+(?:home\s+|shipping\s+|delivery\s+|billing\s+|street\s+|new\s+)?address\s*(?:is|:)|i\s+live\s+at|(?:ship|send|deliver)\s+(?:it\s+)?to)\s+([^!?;\n]{4,100})/dgiu;
/**
 * Where a cued address ends: a sentence end, a dash, a comma before a new lower-case clause (but not
 * before "apt 4"), or a word that starts another topic.
 */
const ADDRESS_END =
  /\.(?:\s|$)|\s[-–]\s|,\s*(?!(?:apt|apartment|unit|suite|ste|flat|floor|fl|room|rm)\b)(?=\p{Ll}|I\b)|\s(?:and|but|so|because|also|thanks|please|my|order|phone|email|call|text)\b/u;
/**
 * A cued clause is an address when it starts with a house number, or starts with a capital and holds a
 * postal code ("Rue de Rivoli 42, 75001 Paris"); "me before March 3 2025" is not one.
 */
const ADDRESS_SHAPE = /^\d|^\p{Lu}.*(?:\b\d{5}\b|\b\d{4}\s+\p{Lu}|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b)/u;

function cuedAddresses(text: string): PersonalDataSpan[] {
  return spansOf('address', CUED_ADDRESS, text, 1).flatMap((span) => {
    const clause = text.slice(span.start, span.end);
    const address = clause.slice(0, ADDRESS_END.exec(clause)?.index ?? clause.length).replace(/[\s,]+$/u, '');
    return ADDRESS_SHAPE.test(address) ? [{ ...span, end: span.start + address.length }] : [];
  });
}

/** Street addresses, PO boxes and postal codes; a cued clause only where no street address was recognized. */
export function addressSpans(text: string): PersonalDataSpan[] {
  const structured = [
    ...spansOf('address', STREET_ADDRESS, text),
    ...spansOf('address', PO_BOX, text),
    ...spansOf('address', CUED_CODE, text, 1),
    ...spansOf('address', UK_POSTCODE, text),
  ];
  const cued = cuedAddresses(text).filter((span) => !structured.some((other) => overlaps(other, span)));
  return [...structured, ...cued];
}
