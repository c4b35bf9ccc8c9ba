import * as chrono from 'chrono-node';
import { asTime } from '../nlu/extractors/times.js';
import type { AttributeValue } from '../nlu/types.js';
import type { GoldValue } from './labelled-conversations.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A time as the engine writes it: "19:15". */
const CLOCK_TIME = /^\d{1,2}:\d{2}$/;
/** Digits as people write an amount: "49.99", "1,299", "$20", "-3". */
const NUMBER = /^[$€£¥]?\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function asNumber(value: AttributeValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return NUMBER.test(text) ? Number(text.replace(/[$€£¥,\s]/g, '')) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as YYYY-MM-DD: an ISO date as it is, words ("March 3", "tomorrow") read in UTC against `reference`. */
export function asIsoDate(value: AttributeValue, reference: Date): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (ISO_DATE.test(text)) return text;
  const [found] = chrono.casual.parse(text, { instant: reference, timezone: 'UTC' });
  if (!found) return null;
  const { start } = found;
  return `${start.get('year') ?? reference.getUTCFullYear()}-${pad(start.get('month') ?? 1)}-${pad(start.get('day') ?? 1)}`;
}

/** Text as compared: Unicode-normalised (NFKC), lower-cased, without spaces: "TV 4011" is "tv4011". */
export function textKey(value: AttributeValue): string {
  return String(value).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Whether a value the engine took is the gold one: numbers as numbers ("2" is 2, "1,200" is 1200); when either
 * side is an ISO date, both as dates (words read against the conversation's reference date); when either side is a
 * time written "HH:MM", both as times ("7:15 pm" is 19:15); otherwise as text, ignoring case and spaces.
 */
export function sameValue(gold: GoldValue, predicted: AttributeValue, reference: Date): boolean {
  const goldNumber = asNumber(gold);
  const predictedNumber = asNumber(predicted);
  if (goldNumber !== null && predictedNumber !== null) return goldNumber === predictedNumber;
  const isoSide = [gold, predicted].some((value) => typeof value === 'string' && ISO_DATE.test(value.trim()));
  if (isoSide) {
    const goldDate = asIsoDate(gold, reference);
    return goldDate !== null && goldDate === asIsoDate(predicted, reference);
  }
  const timeSide = [gold, predicted].some((value) => typeof value === 'string' && CLOCK_TIME.test(value.trim()));
  if (timeSide) {
    const goldTime = asTime(String(gold), reference);
    return goldTime !== null && goldTime === asTime(String(predicted), reference);
  }
  return textKey(gold) === textKey(predicted);
}
