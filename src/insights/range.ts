import { z } from 'zod';

/** The longest range a report covers, in days (a leap year). */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

const DATE_EXPECTED = 'must be a date such as 2026-11-01';

const day = z
  .string({ error: DATE_EXPECTED })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE_EXPECTED, abort: true })
  .refine(isDay, 'is not a day of the calendar');

function isDay(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

/**
 * What a report asks for: the days from `from` to `to` (UTC, both included), by day or by ISO week. Both ends are
 * required; a reversed range or one over a year is refused, naming what is wrong.
 */
export const rangeSchema = z
  .object({
    from: day,
    to: day,
    by: z.enum(['day', 'week'], { error: 'must be "day" or "week"' }).default('day'),
  })
  .superRefine((range, context) => {
    if (!isDay(range.from) || !isDay(range.to)) return;
    const days = daysBetween(range.from, range.to) + 1;
    if (days < 1) context.addIssue({ code: 'custom', path: ['from'], message: `${range.from} is after to (${range.to}): the range is reversed` });
    else if (days > MAX_RANGE_DAYS) {
      context.addIssue({ code: 'custom', path: ['to'], message: `the range from ${range.from} to ${range.to} spans ${days} days; at most ${MAX_RANGE_DAYS} (a year)` });
    }
  });

export type Range = z.output<typeof rangeSchema>;
export type Period = Range['by'];

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The period a day falls in: the day itself, or the Monday that starts its ISO week. */
export function periodOf(day: string, by: Period): string {
  if (by === 'day') return day;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
