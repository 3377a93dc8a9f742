import type { CalendarFacts } from './CalendarFacts.ts';
import { findBusinessWindow, prepareCalendar } from './prepareCalendar.ts';
import { toEpochMs, toSeoulDay } from './toSeoulDay.ts';

/** Why the business line is open or closed at an instant. */
export type BusinessHoursReason = 'open' | 'weekend' | 'holiday' | 'closure' | 'before-hours' | 'after-hours';

/** The live business-hours state shown to agents and returned by `GET /api/v1/business-hours`. */
export type BusinessHoursDecision = {
  readonly open: boolean;
  readonly reason: BusinessHoursReason;
  /**
   * Names of the day's holidays and closures joined with ', ' (e.g. '설날', or the closure name when
   * the reason is 'closure'); also set when a holiday falls on a weekend. Null on ordinary days.
   */
  readonly holiday: string | null;
  /** The same instant as `at` when open; otherwise the next opening (Seoul hours). */
  readonly nextOpenAt: Date;
  /**
   * True when `at`'s year, or any year the search for `nextOpenAt` crossed, has no official holiday
   * data: the answer then rests on the weekday and hours rule only and may miss a holiday.
   */
  readonly holidayDataMissing: boolean;
};

/**
 * Decides whether the business support line is open at `at`, in Asia/Seoul time: weekdays
 * openMinute ≤ t < closeMinute, excluding public holidays (substitute and election days come with the
 * data) and company closures. A holiday takes precedence over a closure, and both over a weekend.
 * A year without holiday data still gets an answer, flagged by `holidayDataMissing`.
 * Throws `RangeError` for an invalid `at` or impossible hours (faults, not outcomes).
 */
export function decideBusinessHours(at: Date, facts: CalendarFacts): BusinessHoursDecision {
  const atMs = toEpochMs(at, 'at');
  const calendar = prepareCalendar(facts);
  const { day, msOfDay } = toSeoulDay(atMs);
  const today = calendar.classify(day);
  const holiday = today.names.length > 0 ? today.names.join(', ') : null;
  if (today.kind === 'business' && msOfDay >= calendar.openMs && msOfDay < calendar.closeMs) {
    return {
      open: true,
      reason: 'open',
      holiday,
      nextOpenAt: new Date(atMs),
      holidayDataMissing: today.dataMissing,
    };
  }
  const window = findBusinessWindow(atMs, calendar);
  const reason: BusinessHoursReason =
    today.kind !== 'business' ? today.kind : msOfDay < calendar.openMs ? 'before-hours' : 'after-hours';
  return {
    open: false,
    reason,
    holiday,
    nextOpenAt: new Date(Math.max(atMs, window.openAt)),
    holidayDataMissing: today.dataMissing || window.dataMissing,
  };
}
