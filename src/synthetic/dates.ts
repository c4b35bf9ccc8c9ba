import type { Random } from '../text/random.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The calendar date `days` away from `now` (negative: in the past), as yyyy-mm-dd. */
export function shiftDate(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** How a customer might write `isoDate` on `now`: absolute forms always, relative ones when they fit. */
export function spokenDate(random: Random, isoDate: string, now: Date): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const days = Math.round((date.getTime() - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12)) / DAY_MS);
  const weekday = WEEKDAYS[date.getUTCDay()]!;
  const forms = [
    `${MONTHS[month]} ${day}`,
    `${MONTHS[month]!.slice(0, 3)} ${ordinal(day)}`,
    `${month + 1}/${day}`,
    `${pad(month + 1)}/${pad(day)}/${year}`,
    `${year}-${pad(month + 1)}-${pad(day)}`,
    `the ${ordinal(day)}`,
    `${ordinal(day)} of ${MONTHS[month]}`,
  ];
  if (days === -1) forms.push('yesterday', 'yesterday afternoon');
  if (days === 1) forms.push('tomorrow');
  if (days < -1 && days >= -6) forms.push(`last ${weekday}`, `on ${weekday}`, `${-days} days ago`);
  if (days > 1 && days <= 6) forms.push(`this ${weekday}`, `on ${weekday}`);
  if (days > 6 && days <= 13) forms.push(`next ${weekday}`);
  if (days <= -7 && days >= -10) forms.push('about a week ago', 'last week');
  if (days <= -12 && days >= -17) forms.push('about two weeks ago', 'a couple of weeks ago');
  if (days < -45) forms.push(`back in ${MONTHS[month]}`, `sometime in ${MONTHS[month]}`);
  return random.pick(forms);
}
