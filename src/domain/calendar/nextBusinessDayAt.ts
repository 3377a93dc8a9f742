import type { CalendarFacts } from './CalendarFacts.ts';
import { MAX_SEARCH_DAYS, prepareCalendar } from './prepareCalendar.ts';
import { MINUTE_MS, seoulDayStartMs, toEpochMs, toSeoulDay } from './toSeoulDay.ts';

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The Seoul local time `time` ('HH:MM') on the first business day strictly after `start`'s Seoul date.
 * This is the transfer SLA default ("next business day 12:00"): a transfer filed Friday 18:30 before a
 * substitute-holiday Monday is due Tuesday 12:00, and one filed Thursday 10:00 is due Friday 12:00.
 * `time` is not clamped to business hours; admins choose it. Years without holiday data fall back to
 * the weekday rule. Throws `RangeError` for a malformed `time`, an invalid `start`, or no business
 * day within a year (broken closure data).
 */
export function nextBusinessDayAt(start: Date, time: string, facts: CalendarFacts): Date {
  const startMs = toEpochMs(start, 'start');
  const match = LOCAL_TIME.exec(time);
  if (match === null) throw new RangeError(`time must be HH:MM (00:00–23:59), got ${JSON.stringify(time)}`);
  const minuteOfDay = Number(match[1]) * 60 + Number(match[2]);
  const calendar = prepareCalendar(facts);
  const startDay = toSeoulDay(startMs).day;
  for (let offset = 1; offset <= MAX_SEARCH_DAYS; offset++) {
    const day = startDay + offset;
    if (calendar.classify(day).kind === 'business')
      return new Date(seoulDayStartMs(day) + minuteOfDay * MINUTE_MS);
  }
  throw new RangeError(`no business day within ${MAX_SEARCH_DAYS} days after ${start.toISOString()}`);
}
