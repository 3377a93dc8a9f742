import type { CalendarFacts } from './CalendarFacts.ts';
import { MAX_SEARCH_DAYS, prepareCalendar } from './prepareCalendar.ts';
import { MINUTE_MS, seoulDayStartMs, toEpochMs, toSeoulDay } from './toSeoulDay.ts';

/**
 * The latest instant from which `minutes` of open business time run up to `end`: the inverse of
 * `addBusinessMinutes`, for "filed at least N business minutes ago" boundaries (report age buckets).
 * When the count ends exactly at an opening, that opening is returned, so every instant of the
 * closed time before it (a weekend, a holiday) is as old as the boundary — compare with `≤`.
 * `minutes` = 0 returns `end`. Throws `RangeError` for a negative or non-finite `minutes`, an
 * invalid `end`, or no business time within the search bound (broken closure data).
 */
export function subtractBusinessMinutes(end: Date, minutes: number, facts: CalendarFacts): Date {
  const endMs = toEpochMs(end, 'end');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  if (minutes === 0) return new Date(endMs);
  const calendar = prepareCalendar(facts);
  let remaining = minutes * MINUTE_MS;
  let cursor = endMs;
  const lastDay = toSeoulDay(endMs).day - MAX_SEARCH_DAYS * Math.max(1, Math.ceil(minutes / 60 / 24));
  for (let day = toSeoulDay(endMs).day; day >= lastDay; day--) {
    const dayStart = seoulDayStartMs(day);
    if (calendar.classify(day).kind === 'business') {
      const openAt = dayStart + calendar.openMs;
      const segmentEnd = Math.min(cursor, dayStart + calendar.closeMs);
      if (segmentEnd > openAt) {
        const available = segmentEnd - openAt;
        if (remaining <= available) return new Date(segmentEnd - remaining);
        remaining -= available;
      }
    }
    cursor = dayStart;
  }
  throw new RangeError(`no business time within the search bound before ${end.toISOString()}`);
}
