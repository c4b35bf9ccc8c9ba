import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { findEmails } from '../extractors/emails.js';
import { phoneShapes, type PhoneShape } from '../extractors/phones.js';
import type { PersonalDataSpan } from './kinds.js';

export function emailSpans(text: string): PersonalDataSpan[] {
  return findEmails(text).map(({ start, end }) => ({ kind: 'email', start, end }));
}

/**
 * Masking errs towards recall: an international number, a North American one, a local "555-0134"
 * or a national number with a trunk "0" is masked whether or not the number is assigned.
 */
function isPhone(shape: PhoneShape): boolean {
  const { text, digits } = shape;
  if (text.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  if (/^\d{3}[\s.-]\d{4}$/.test(text)) return true;
  if (/^0/.test(digits) && digits.length >= 10 && digits.length <= 11) return true;
  return parsePhoneNumberFromString(text, { defaultCountry: 'US' })?.isPossible() === true && digits.length >= 10;
}

export function phoneSpans(text: string): PersonalDataSpan[] {
  return phoneShapes(text)
    .filter(isPhone)
    .map(({ start, end }) => ({ kind: 'phone', start, end }));
}
