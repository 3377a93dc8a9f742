import type { CalendarFacts } from './CalendarFacts.ts';
import { MAX_SEARCH_DAYS, prepareCalendar } from './prepareCalendar.ts';
import { seoulDateKey, seoulDayStartMs, toEpochMs, toSeoulDay } from './toSeoulDay.ts';

/**
 * The Seoul date `days` business days after `at`'s Seoul date (weekends, public and substitute
 * holidays and company closures skipped), and the instant that date ends (the next midnight).
 * Friday + 1 is Monday; Friday before a substitute-holiday Monday + 1 is Tuesday; `days` = 0 is
 * `at`'s own date, business day or not. Throws `RangeError` for a negative `days`, an invalid `at`,
 * or no business day within the search bound (broken closure data).
 */
export function addBusinessDays(
  at: Date,
  days: number,
  facts: CalendarFacts,
): { date: string; endsAt: Date } {
  const atMs = toEpochMs(at, 'at');
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be an integer ≥ 0, got ${days}`);
  const calendar = prepareCalendar(facts);
  let day = toSeoulDay(atMs).day;
  let left = days;
  let scanned = 0;
  while (left > 0) {
    day += 1;
    scanned += 1;
    if (scanned > MAX_SEARCH_DAYS + days * 7) {
      throw new RangeError(`no business day within the search bound after ${at.toISOString()}`);
    }
    if (calendar.classify(day).kind === 'business') left -= 1;
  }
  return { date: seoulDateKey(day), endsAt: new Date(seoulDayStartMs(day + 1)) };
}
