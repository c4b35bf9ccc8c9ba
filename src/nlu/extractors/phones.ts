import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Span } from './scan.js';

export interface PhoneMention extends Span {
  /** E.164, e.g. "+12125550134". */
  value: string;
  /** Written the way people write phone numbers ("+1 ...", "(212) 555-0134"), not a bare digit run. */
  formatted: boolean;
}

/** A region libphonenumber knows ("US", "gb"), or undefined: numbers then need their "+" country code. */
export function phoneRegion(region: string | undefined): CountryCode | undefined {
  const upper = typeof region === 'string' ? region.trim().toUpperCase() : '';
  return upper !== '' && isSupportedCountry(upper) ? upper : undefined;
}

/**
 * Stretches shaped like a phone number: "+44 20 7946 0958", "(212) 555-0134", "555-0134", "2125550134".
 * Separators between digit groups are required, so the pattern cannot backtrack badly; a digit run
 * joined to letters ("BL-4471220", "INV-12345678") is an identifier, not a phone number.
 */
const PHONE_SHAPE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_/.,-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?\d{2,6}(?:[\s.-]\d{2,6}){0,3}|\d{1,5}(?:[\s.-]\d{2,6}){1,4}|\d{7,15})` +
    String.raw`(?:\s?(?:ext\.?|x)\s?\d{1,5})?(?![\p{L}\p{N}]|[-/.,]\p{N})`,
  'gu',
);

export interface PhoneShape extends Span {
  text: string;
  digits: string;
}

export function phoneShapes(text: string): PhoneShape[] {
  return [...text.matchAll(PHONE_SHAPE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    digits: match[0].replace(/\D/g, ''),
  }));
}

/** Valid phone numbers, in E.164, read in `region` when they have no "+" country code. */
export function findPhones(text: string, region: CountryCode | undefined): PhoneMention[] {
  return phoneShapes(text).flatMap((shape) => {
    if (shape.digits.length < 7 || shape.digits.length > 17) return [];
    const number = parsePhoneNumberFromString(shape.text, region ? { defaultCountry: region } : {});
    if (!number?.isValid()) return [];
    return [{ start: shape.start, end: shape.end, value: number.number, formatted: /^\+|[()]|\d[\s.-]\d{3,4}[\s.-]\d/.test(shape.text) }];
  });
}
