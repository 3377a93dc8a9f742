import type { CalendarFacts } from './CalendarFacts.ts';
import { decideBusinessHours } from './decideBusinessHours.ts';
import { MINUTE_MS, toEpochMs } from './toSeoulDay.ts';

/**
 * The first open instant at or after `start` + `delayMinutes` of wall-clock time (closed time counts
 * toward the delay). Use it for "not before" times such as a retry after an unanswered call; for the
 * brochure callback use `callbackDueAt`, which counts the delay in business time instead
 * (Friday 17:30 + 2 h here gives Monday 09:00, there Monday 10:30).
 */
export function firstBusinessInstantAtLeast(start: Date, delayMinutes: number, facts: CalendarFacts): Date {
  const startMs = toEpochMs(start, 'start');
  if (!Number.isFinite(delayMinutes) || delayMinutes < 0) {
    throw new RangeError(`delayMinutes must be a finite number ≥ 0, got ${delayMinutes}`);
  }
  return decideBusinessHours(new Date(startMs + delayMinutes * MINUTE_MS), facts).nextOpenAt;
}
