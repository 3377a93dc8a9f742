import type { CalendarFacts } from './CalendarFacts.ts';
import { findBusinessWindow, prepareCalendar } from './prepareCalendar.ts';
import { MINUTE_MS, toEpochMs } from './toSeoulDay.ts';

/**
 * Open business minutes between two instants, for "time left" and "overdue by" displays.
 * Signed: when `to` is before `from` the result is negative (an overdue SLA shows how much business
 * time has passed since it was due). Exact, not rounded: callers round for display, and
 * `businessMinutesBetween(a, addBusinessMinutes(a, m)) === m` holds for whole-millisecond m.
 */
export function businessMinutesBetween(from: Date, to: Date, facts: CalendarFacts): number {
  const fromMs = toEpochMs(from, 'from');
  const toMs = toEpochMs(to, 'to');
  // `0 - x` rather than `-x`: a closed interval must read as 0, never -0, in JSON and equality checks.
  if (toMs < fromMs) return (0 - countOpenMs(toMs, fromMs, facts)) / MINUTE_MS;
  return countOpenMs(fromMs, toMs, facts) / MINUTE_MS;
}

function countOpenMs(fromMs: number, toMs: number, facts: CalendarFacts): number {
  const calendar = prepareCalendar(facts);
  let total = 0;
  let cursor = fromMs;
  while (cursor < toMs) {
    const window = findBusinessWindow(cursor, calendar);
    const start = Math.max(cursor, window.openAt);
    if (start >= toMs) break;
    total += Math.min(window.closeAt, toMs) - start;
    cursor = window.closeAt;
  }
  return total;
}
