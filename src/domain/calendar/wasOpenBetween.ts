import type { CalendarFacts } from './CalendarFacts.ts';
import { decideBusinessHours } from './decideBusinessHours.ts';

/**
 * Whether the business line was open at some instant from `from` to `to` (both included), in
 * Asia/Seoul hours with holidays and company closures: open at `from`, or opening again by `to`.
 * A consultation's path may send the caller to the line only if this holds for the call's span.
 * Throws `RangeError` when `to` is before `from` or either instant is invalid (a fault, not an outcome).
 */
export function wasOpenBetween(from: Date, to: Date, facts: CalendarFacts): boolean {
  if (!(to.getTime() >= from.getTime())) {
    throw new RangeError(`wasOpenBetween: ${String(to)} is not at or after ${String(from)}`);
  }
  return decideBusinessHours(from, facts).nextOpenAt.getTime() <= to.getTime();
}
