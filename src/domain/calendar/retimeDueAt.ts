import type { CalendarFacts } from './CalendarFacts.ts';
import { MAX_SEARCH_DAYS, prepareCalendar } from './prepareCalendar.ts';
import { seoulDayStartMs, toEpochMs, toSeoulDay } from './toSeoulDay.ts';

/**
 * How a due time was computed on the calendar: its rule applied to its base instant (a transfer's
 * SLA from its filing, a callback delay from the brochure's sending), as a function of the facts.
 */
export type DueRule = (facts: CalendarFacts) => Date;

/**
 * `at` kept when its Seoul day is a business day on `facts`; otherwise the same Seoul time of day on
 * the first business day after it (a due time on a day now closed skips the day, at the same hour).
 * Throws `RangeError` for an invalid `at` or no business day within a year (broken closure data).
 */
export function sameTimeOnBusinessDay(at: Date, facts: CalendarFacts): Date {
  const { day, msOfDay } = toSeoulDay(toEpochMs(at, 'at'));
  const calendar = prepareCalendar(facts);
  for (let offset = 0; offset <= MAX_SEARCH_DAYS; offset++) {
    if (calendar.classify(day + offset).kind === 'business')
      return new Date(seoulDayStartMs(day + offset) + msOfDay);
  }
  throw new RangeError(`no business day within ${MAX_SEARCH_DAYS} days after ${at.toISOString()}`);
}

/**
 * A due time set on the business calendar, re-timed after the calendar changed from `before` to
 * `after` (a company closure added or removed), so it is what it would have been had the calendar
 * been `after` all along:
 * - when `rule` gives back the stored `at` on `before`, the rule is known to be the one the time was
 *   computed by, and it is computed again on `after` (a closure removed brings the time back);
 * - otherwise (no rule, a rule changed since, or a time a person chose) the rule is unknown: the time
 *   is kept, or — lying on a day `after` closes — moved to the same time on the next business day.
 *   Such a time does not come back when the closure is removed (what it was is not known).
 */
export function retimeDueAt(
  at: Date,
  rule: DueRule | null,
  before: CalendarFacts,
  after: CalendarFacts,
): Date {
  if (rule !== null && rule(before).getTime() === at.getTime()) return rule(after);
  return sameTimeOnBusinessDay(at, after);
}
