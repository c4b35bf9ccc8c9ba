import * as chrono from 'chrono-node';
import type { Span } from './scan.js';

/** A time of day the customer names ("7:15 pm", "19:15", "quarter past seven in the evening", "at noon"). */
export interface TimeMention extends Span {
  /** 24-hour "HH:MM". */
  value: string;
  /** Written as a time beyond doubt (a colon, am/pm, a part of the day, noon): not a bare "at 7". */
  explicit: boolean;
}

const HOUR_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const HOUR = String.raw`(1[0-2]|0?[1-9]|${Object.keys(HOUR_WORDS).join('|')})`;
const MINUTE_WORDS: Record<string, number> = { fifteen: 15, thirty: 30, 'forty five': 45, 'forty-five': 45 };
/** Words after an hour that make it a time and say which half of the day. */
const DAY_PART = String.raw`(a\.?m\.?|p\.?m\.?|o'?clock|in the morning|in the afternoon|in the evening|in the night|at night|tonight)`;
/** A part of the day said before the hour: "evening 6", "in the morning 10:45", "afternoon 1". */
const PART_BEFORE = String.raw`\b(?:in\s+the\s+|the\s+)?(morning|afternoon|evening|night)\s+(?:at\s+)?`;

function hourOf(word: string): number {
  return HOUR_WORDS[word.toLowerCase()] ?? Number(word);
}

/** Afternoon for "pm", "in the afternoon/evening", "at night", "tonight"; morning for "am"; unknown for "o'clock". */
function meridiemOf(part: string | undefined): 0 | 1 | undefined {
  if (!part) return undefined;
  const lower = part.toLowerCase().replace(/\./g, '');
  if (lower === 'am' || lower === 'in the morning') return 0;
  if (lower === 'pm' || /afternoon|evening|night/.test(lower)) return 1;
  return undefined;
}

function withMeridiem(hour: number, meridiem: 0 | 1 | undefined): { hour: number; meridiem?: number } {
  if (meridiem === undefined) return { hour };
  const in12 = hour % 12;
  return { hour: meridiem === 1 ? in12 + 12 : in12, meridiem };
}

/**
 * A parser that keeps a date and the time beside it apart ("tomorrow" and "6pm" in "6pm tomorrow"), so that a date
 * attribute and a time attribute each take their own words.
 */
export function withoutDateTimeMerge(parser: chrono.Chrono): chrono.Chrono {
  parser.refiners = parser.refiners.filter((refiner) => refiner.constructor.name !== 'ENMergeDateTimeRefiner');
  return parser;
}

/**
 * chrono's English parser, taught what it leaves out: "quarter past seven", "half past 11 in the morning", "quarter to
 * 8", and hours in words with a part of the day ("six in the evening", "seven thirty pm").
 */
const parser = ((): chrono.Chrono => {
  const custom = withoutDateTimeMerge(chrono.casual.clone());
  custom.parsers.push({
    pattern: () => new RegExp(String.raw`\b(quarter|half)\s+(past|after|to)\s+${HOUR}\b(?:\s+${DAY_PART})?`, 'i'),
    extract: (_context, match) => {
      const [, amount, way, hourWord, part] = match;
      const minutes = amount?.toLowerCase() === 'half' ? 30 : 15;
      let hour = hourOf(hourWord ?? '');
      let minute = minutes;
      if (way?.toLowerCase() === 'to') {
        hour = hour === 1 ? 12 : hour - 1;
        minute = 60 - minutes;
      }
      return { ...withMeridiem(hour, meridiemOf(part)), minute };
    },
  });
  custom.parsers.push({
    pattern: () => new RegExp(String.raw`\b${HOUR}(?:[\s-]+(${Object.keys(MINUTE_WORDS).join('|')})|:([0-5]\d))?\s+${DAY_PART}`, 'i'),
    extract: (_context, match) => {
      const [, hourWord, minuteWord, digits, part] = match;
      const minute = digits !== undefined ? Number(digits) : (MINUTE_WORDS[(minuteWord ?? '').toLowerCase()] ?? 0);
      return { ...withMeridiem(hourOf(hourWord ?? ''), meridiemOf(part)), minute };
    },
  });
  custom.parsers.push({
    pattern: () => new RegExp(String.raw`${PART_BEFORE}${HOUR}(?::([0-5]\d))?\b(?!\s*(?:${DAY_PART}|days?|people|persons?|guests?))`, 'i'),
    extract: (_context, match) => {
      const [, part, hourWord, digits] = match;
      return { ...withMeridiem(hourOf(hourWord ?? ''), meridiemOf(part === 'morning' ? 'in the morning' : `in the ${part}`)), minute: Number(digits ?? 0) };
    },
  });
  return custom;
})();

/** "5:15 in the evening", "dinner at 7:30 tonight": a part of the day right beside a time chrono left in the morning. */
const AFTERNOON_AFTER = /^[\s,]*(?:in\s+the\s+)?(?:afternoon|evening|night|tonight)\b/i;

function afternoonByContext(text: string, result: chrono.ParsedResult): number | null {
  const hour = result.start.get('hour');
  if (hour === null || result.start.isCertain('meridiem') || hour < 1 || hour > 11) return null;
  return AFTERNOON_AFTER.test(text.slice(result.index + result.text.length)) ? hour + 12 : null;
}

const COLON_OR_PART = /:\d\d|\b(?:a\.?m\.?|p\.?m\.?|o'?clock|noon|midnight|morning|afternoon|evening|night|tonight)\b|\d(?:am|pm)\b/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** Times of day in the text. A date without a time ("on Friday") is none; "6pm tomorrow" is 18:00. */
export function findTimes(text: string, now: Date): TimeMention[] {
  if (Number.isNaN(now.getTime())) return [];
  const mentions: TimeMention[] = [];
  for (const result of parser.parse(text, { instant: now, timezone: 'UTC' })) {
    if (!result.start.isCertain('hour')) continue;
    const hour = afternoonByContext(text, result) ?? result.start.get('hour');
    const minute = result.start.get('minute') ?? 0;
    if (hour === null || hour < 0 || hour > 23 || minute < 0 || minute > 59) continue;
    // "in 2 hours", "for 2 hours": a time from now or a duration, not a time of day the customer names.
    if (/\b(?:hours?|minutes?|mins?|hrs?)\b/i.test(result.text)) continue;
    mentions.push({
      start: result.index,
      end: result.index + result.text.length,
      value: `${pad(hour)}:${pad(minute)}`,
      explicit: COLON_OR_PART.test(result.text),
    });
  }
  return mentions;
}

/** A time as "HH:MM": as it is when already so, otherwise read from words ("7:15 pm", "six in the evening"); else null. */
export function asTime(text: string, now: Date): string | null {
  const trimmed = text.trim();
  const exact = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(trimmed);
  if (exact) return `${pad(Number(exact[1]))}:${exact[2]}`;
  return findTimes(trimmed, now)[0]?.value ?? null;
}
