import type { CalendarFacts } from './CalendarFacts.ts';
import { findBusinessWindow, prepareCalendar } from './prepareCalendar.ts';
import { MINUTE_MS, toEpochMs } from './toSeoulDay.ts';

/**
 * The instant reached after counting `minutes` of open business time from `start` (SLA timers).
 * Closed time (nights, weekends, holidays, closures) does not count. Semantics at the edges:
 * - `minutes` = 0 returns `start` unchanged, even when closed: nothing was counted.
 * - A count that ends exactly at closing returns the closing instant (e.g. 18:00), because "due by
 *   close of business" is what an SLA means; use `callbackDueAt` when the result must be open.
 * Years without holiday data are counted on the weekday rule. Fractional minutes are allowed.
 * Throws `RangeError` for a negative or non-finite `minutes` or an invalid `start`.
 */
export function addBusinessMinutes(start: Date, minutes: number, facts: CalendarFacts): Date {
  const startMs = toEpochMs(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  const calendar = prepareCalendar(facts);
  let remaining = minutes * MINUTE_MS;
  let cursor = startMs;
  while (remaining > 0) {
    const window = findBusinessWindow(cursor, calendar);
    const from = Math.max(cursor, window.openAt);
    const available = window.closeAt - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
    cursor = window.closeAt;
  }
  return new Date(startMs);
}
