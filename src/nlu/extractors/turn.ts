import type { CountryCode } from 'libphonenumber-js';
import type { AttributeValue } from '../types.js';
import { findDates, type DateMention } from './dates.js';
import { findEmails, type EmailMention } from './emails.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { findPhones, type PhoneMention } from './phones.js';
import { tokenize, type Span, type Token } from './scan.js';
import { findTimes, type TimeMention } from './times.js';

/** A value one typed extractor found for one attribute, before the binding rules decide. */
export interface Candidate extends Span {
  value: AttributeValue;
  /** How sure the typed extractor is that the span is a value of this attribute, in [0, 1]. */
  confidence: number;
  /** Needs neither the pending question nor a cue word: an email, a pattern match, an enum value named. */
  evident: boolean;
}

/** One customer turn, prepared once and shared by the typed extractors; mentions are found on first use. */
export interface ScannedTurn {
  readonly text: string;
  readonly now: Date;
  readonly region: CountryCode | undefined;
  readonly tokens: readonly Token[];
  dates(): readonly DateMention[];
  times(): readonly TimeMention[];
  emails(): readonly EmailMention[];
  phones(): readonly PhoneMention[];
  /** Numbers outside dates, times, emails and phone numbers. */
  numbers(): readonly NumberMention[];
}

function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

export function scanTurn(text: string, now: Date, region: CountryCode | undefined): ScannedTurn {
  const dates = once(() => findDates(text, now));
  const times = once(() => findTimes(text, now));
  const emails = once(() => findEmails(text));
  const phones = once(() => findPhones(text, region));
  const numbers = once(() => findNumbers(text, [...dates(), ...times(), ...emails(), ...phones()]));
  return { text, now, region, tokens: tokenize(text), dates, times, emails, phones, numbers };
}
