import * as chrono from 'chrono-node';
import type { Span } from './scan.js';
import { withoutDateTimeMerge } from './times.js';

/** Which way an ambiguous date ("friday", "March 3") is read for one attribute. */
export type DateLean = 'past' | 'future' | 'neutral';

/** What the customer's words fix; the rest comes from the conversation time. */
type Granularity = 'day' | 'weekday' | 'day-of-month' | 'month';

export interface DateMention extends Span {
  year: number;
  month: number;
  day: number;
  granularity: Granularity;
  /** The words fix the date on their own ("last Tuesday", "2024-11-02", "3 days ago"): no lean applies. */
  explicit: boolean;
  /** How clearly the words are a date at all, in [0, 1]. */
  confidence: number;
}

const NOT_A_DAY = String.raw`(?!\s+(?:one|time|item|attempt|try|order|call|device|unit|floor|birthday|anniversary)s?\b)`;
/** "on the 3rd", "the 3rd", "on 3rd", "13th of this month", "the 2nd of next month". */
const ORDINAL_DAY = new RegExp(
  String.raw`\b(?:(?:on\s+)?the\s+([0-3]?\d)(?:st|nd|rd|th)|on\s+([0-3]?\d)(?:st|nd|rd|th)|([0-3]?\d)(?:st|nd|rd|th))` +
    String.raw`(?:\s+of\s+(?:the\s+)?(this|current|next|coming|following)\s+month)?\b${NOT_A_DAY}`,
  'i',
);
/** chrono reads "day after tomorrow" without "the" as "tomorrow". */
const DAY_AFTER_TOMORROW = /\b(?:the\s+)?day\s+after\s+tomorrow\b/i;
const RELATIVE_WORD = /\b(?:last|next|this|coming|past|ago|previous|yesterday|today|tomorrow)\b/i;
const BARE_ABBREVIATION = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mar|may|jun|june)\.?$/i;

/** chrono's English parser, taught "on the 3rd" (a day of the current month). */
const parser = ((): chrono.Chrono => {
  const custom = withoutDateTimeMerge(chrono.casual.clone());
  custom.parsers.push({
    pattern: () => ORDINAL_DAY,
    extract: (context, match) => {
      const [, afterThe, afterOn, bare, month] = match;
      // A bare ordinal ("13th") is a day only with the month it is of ("13th of this month").
      if (bare !== undefined && month === undefined) return null;
      const day = Number(afterThe ?? afterOn ?? bare);
      if (!(day >= 1 && day <= 31)) return null;
      if (month === undefined) return { day };
      const reference = context.reference.instant;
      const next = /next|coming|following/i.test(month) ? 1 : 0;
      const first = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() + next, 1));
      return { day, month: first.getUTCMonth() + 1, year: first.getUTCFullYear() };
    },
  });
  custom.parsers.push({
    pattern: () => DAY_AFTER_TOMORROW,
    extract: (context) => {
      const when = new Date(context.reference.instant.getTime() + 2 * 86_400_000);
      return { day: when.getUTCDate(), month: when.getUTCMonth() + 1, year: when.getUTCFullYear() };
    },
  });
  return custom;
})();

function granularityOf(result: chrono.ParsedResult): Granularity | null {
  const { start } = result;
  if (start.isCertain('day') && start.isCertain('month')) return 'day';
  if (start.isCertain('day')) return 'day-of-month';
  if (start.isCertain('weekday')) return 'weekday';
  if (start.isCertain('month')) return 'month';
  return null;
}

/** Years an ISO date can be written in without an expanded-year sign. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9998;

const BASE_CONFIDENCE: Record<Granularity, number> = { day: 0.9, 'day-of-month': 0.8, weekday: 0.85, month: 0.5 };

const NOW = /^\s*(?:right\s+|just\s+)?now\s*$/i;

/** A number with cents, on its own ("49.99", not "03.12.2026"). */
const PRICE = /(?<![\d.,])\d+[.,]\d{2}(?![\d.,]*\d)/g;

/** Calendar dates in the text, read in UTC against `now`. Times alone ("at 5") are not dates. */
export function findDates(text: string, now: Date): DateMention[] {
  const mentions: DateMention[] = [];
  // A price is no year: "March 3rd, 49.99 each time" is read without the "49".
  const withoutPrices = text.replace(PRICE, (price) => ' '.repeat(price.length));
  for (const result of parser.parse(withoutPrices, { instant: now, timezone: 'UTC' })) {
    // "Now" ("what now?", "it's been two weeks now") is the moment of speaking, not a day the customer states.
    if (NOW.test(result.text)) continue;
    const granularity = granularityOf(result);
    const year = result.start.get('year') ?? now.getUTCFullYear();
    if (granularity === null || year < MIN_YEAR || year > MAX_YEAR) continue;
    const explicit = result.start.isCertain('year') || RELATIVE_WORD.test(result.text);
    const bare = BARE_ABBREVIATION.test(result.text.trim());
    mentions.push({
      start: result.index,
      end: result.index + result.text.length,
      year,
      month: result.start.get('month') ?? now.getUTCMonth() + 1,
      day: result.start.get('day') ?? 1,
      granularity,
      explicit,
      confidence: bare ? 0.4 : BASE_CONFIDENCE[granularity],
    });
  }
  return mentions;
}

const DAY_MS = 86_400_000;

function utcDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** The nearest month in that direction that has this day ("the 31st" skips short months). */
function shiftMonth(year: number, month: number, day: number, direction: 1 | -1): number {
  for (let offset = direction; Math.abs(offset) <= 12; offset += direction) {
    const candidate = utcDay(year, month + offset, day);
    if (new Date(candidate).getUTCDate() === day) return candidate;
  }
  return utcDay(year, month + direction, 28);
}

function step(mention: DateMention, direction: 1 | -1): number {
  const { year, month, day } = mention;
  switch (mention.granularity) {
    case 'weekday':
      return utcDay(year, month, day) + direction * 7 * DAY_MS;
    case 'day-of-month':
      return shiftMonth(year, month, day, direction);
    case 'day':
    case 'month': {
      const moved = utcDay(year + direction, month, day);
      return new Date(moved).getUTCDate() === day ? moved : utcDay(year + direction, month, 28);
    }
  }
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The ISO date (YYYY-MM-DD) a mention stands for. A date the words leave open ("friday", "March 3",
 * "the 3rd") moves one week, month or year towards the attribute's lean when it falls on the wrong side of today.
 */
export function resolveDate(mention: DateMention, now: Date, lean: DateLean): string {
  const time = utcDay(mention.year, mention.month, mention.day);
  if (mention.explicit || lean === 'neutral') return iso(time);
  const today = utcDay(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  if (lean === 'past' && time > today) return iso(step(mention, -1));
  if (lean === 'future' && time < today) return iso(step(mention, 1));
  return iso(time);
}

const FUTURE_CUE = /\b(?:would you like|should|want|prefer(?:red)?|schedul\w*|reschedul\w*|new|next|upcoming|appointment|pick ?up|redeliver\w*)\b/;
const PAST_CUE =
  /\b(?:when did|when was|when were|did you|have you|purchas\w*|bought|buy|order(?:ed)?|placed|receiv\w*|deliver(?:ed|y)|arriv\w*|start\w*|began|begin|happen\w*|occur\w*|since|charg\w*|paid|billed|last)\b/;

/** Purchase and delivery dates lie behind the customer, appointments ahead; the attribute's own words tell. */
export function dateLean(words: string): DateLean {
  const lower = words.toLowerCase();
  if (FUTURE_CUE.test(lower)) return 'future';
  if (PAST_CUE.test(lower)) return 'past';
  return 'neutral';
}
