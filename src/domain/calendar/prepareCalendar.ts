import type { CalendarFacts } from './CalendarFacts.ts';
import {
  MINUTE_MS,
  seoulDateKey,
  seoulDayStartMs,
  seoulWeekday,
  seoulYear,
  toSeoulDay,
} from './toSeoulDay.ts';

/**
 * How long a search for the next business day may run. A year of consecutive closed days can only
 * come from broken data (e.g. a closure list covering every day); stopping keeps every call bounded.
 */
export const MAX_SEARCH_DAYS = 366;

/** Why a Seoul day is (not) a business day, with the names to show agents. */
export type SeoulDayInfo = {
  readonly kind: 'business' | 'holiday' | 'closure' | 'weekend';
  /** Holiday names then closure names for the date; empty when none. */
  readonly names: readonly string[];
  /** True when the day's year has no official holiday data, so only the weekday rule applied. */
  readonly dataMissing: boolean;
};

/** Calendar facts with closures indexed by date, built once per call. */
export type PreparedCalendar = {
  readonly openMs: number;
  readonly closeMs: number;
  readonly classify: (day: number) => SeoulDayInfo;
};

/** A business day's open window [openAt, closeAt) as epoch milliseconds. */
export type BusinessWindow = {
  readonly openAt: number;
  readonly closeAt: number;
  /** True when any day examined to reach this window lacked holiday data. */
  readonly dataMissing: boolean;
};

/**
 * Validates the hours and indexes closures so day-by-day scans stay O(1) per day.
 * Precedence of reasons: a public holiday over a company closure over a weekend, so that
 * 2026-03-01 (a Sunday) reads as 3ㆍ1절 rather than just "weekend".
 */
export function prepareCalendar(facts: CalendarFacts): PreparedCalendar {
  const { openMinute, closeMinute } = facts;
  if (
    !Number.isInteger(openMinute) ||
    !Number.isInteger(closeMinute) ||
    openMinute < 0 ||
    closeMinute > 24 * 60 ||
    openMinute >= closeMinute
  ) {
    throw new RangeError(
      `business hours must satisfy 0 ≤ open < close ≤ 1440, got ${openMinute}–${closeMinute}`,
    );
  }
  const closuresByDate = new Map<string, string[]>();
  for (const closure of facts.closures) {
    const names = closuresByDate.get(closure.date);
    if (names === undefined) closuresByDate.set(closure.date, [closure.name]);
    else if (!names.includes(closure.name)) names.push(closure.name);
  }
  const classify = (day: number): SeoulDayInfo => {
    const key = seoulDateKey(day);
    const dataMissing = !facts.holidays.coveredYears.has(seoulYear(day));
    const holidayNames = facts.holidays.byDate.get(key) ?? [];
    const closureNames = closuresByDate.get(key) ?? [];
    const names = [...holidayNames, ...closureNames.filter((name) => !holidayNames.includes(name))];
    const weekday = seoulWeekday(day);
    const kind =
      holidayNames.length > 0
        ? 'holiday'
        : closureNames.length > 0
          ? 'closure'
          : weekday === 0 || weekday === 6
            ? 'weekend'
            : 'business';
    return { kind, names, dataMissing };
  };
  return { openMs: openMinute * MINUTE_MS, closeMs: closeMinute * MINUTE_MS, classify };
}

/**
 * The first business window that has not fully ended at `fromMs`: the current one when `fromMs` is
 * inside or before today's hours on a business day, otherwise the next business day's.
 * Throws `RangeError` when no business day exists within `MAX_SEARCH_DAYS` (broken data, a fault).
 */
export function findBusinessWindow(fromMs: number, calendar: PreparedCalendar): BusinessWindow {
  const fromDay = toSeoulDay(fromMs).day;
  let dataMissing = false;
  for (let offset = 0; offset <= MAX_SEARCH_DAYS; offset++) {
    const day = fromDay + offset;
    const info = calendar.classify(day);
    if (info.dataMissing) dataMissing = true;
    if (info.kind !== 'business') continue;
    const start = seoulDayStartMs(day);
    const closeAt = start + calendar.closeMs;
    if (closeAt <= fromMs) continue;
    return { openAt: start + calendar.openMs, closeAt, dataMissing };
  }
  throw new RangeError(`no business day within ${MAX_SEARCH_DAYS} days of ${new Date(fromMs).toISOString()}`);
}
