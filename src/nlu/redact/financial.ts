import { spansOf, type PersonalDataSpan } from './kinds.js';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const CARD_LIKE = /(?<![\p{L}\p{N}-])\d(?:[ -]?\d){12,18}(?![\p{N}]|-\d)/gu;
const CARD_DETAIL =
  /\b(?:cvv2?|cvc|cv2|security code|exp(?:iry|iration)?(?: date)?|expires?)\s*(?:is|was|of|:|-)?\s*(\d{1,2}\s*\/\s*\d{2,4}|\d{3,4})\b/dgiu;

/** Payment card numbers (13-19 digits, spaces or dashes allowed, Luhn-checked) and their security code and expiry. */
export function cardSpans(text: string): PersonalDataSpan[] {
  const numbers = spansOf('card', CARD_LIKE, text).filter((span) => {
    const digits = text.slice(span.start, span.end).replace(/\D/g, '');
    return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
  });
  return [...numbers, ...spansOf('card', CARD_DETAIL, text, 1)];
}

const IBAN = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b/giu;
/** Nine or more digits in a row (spaces or dashes allowed): account, routing and national id numbers. */
const LONG_DIGITS = /(?<![\p{L}\p{N}+-])\d(?:[ -]?\d){8,}(?![\p{L}\p{N}]|-\d)/gu;
const NATIONAL_ID = /(?<![\p{N}-])\d{3}-\d{2}-\d{4}(?![\p{N}]|-\d)/gu;
/** A shorter number the words call an account: "account number 4471 2209", "sort code 12-34-56". */
const CUED_NUMBER =
  /\b(?:account|acct|a\/c|routing|sort code|iban|member(?:ship)?|customer|bank)(?:\s+(?:number|no\.?|num|#|id|code))?(?:\s+(?:is|was))?\s*[:#=]?\s*(\d(?:[ -]?\d){3,})(?![\p{L}\p{N}])/dgiu;

function enoughDigits(text: string, span: PersonalDataSpan): boolean {
  return text.slice(span.start, span.end).replace(/\D/g, '').length >= 8;
}

export function accountSpans(text: string): PersonalDataSpan[] {
  return [
    ...spansOf('account', IBAN, text).filter((span) => enoughDigits(text, span)),
    ...spansOf('account', LONG_DIGITS, text),
    ...spansOf('account', NATIONAL_ID, text),
    ...spansOf('account', CUED_NUMBER, text, 1),
  ];
}
