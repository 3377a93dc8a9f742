import { addBusinessMinutes } from '../calendar/addBusinessMinutes.ts';
import type { CalendarFacts } from '../calendar/CalendarFacts.ts';
import { nextBusinessDayAt } from '../calendar/nextBusinessDayAt.ts';

/**
 * How long the business team has to contact the customer, per inquiry type:
 * a fixed local time on the next business day, or a number of business minutes.
 */
export type TransferSlaRule =
  | { kind: 'next-business-day' /** Seoul local 'HH:MM'. */; time: string }
  | { kind: 'business-minutes' /** Open business minutes counted from filing. */; minutes: number };

/** The default SLA: next business day 12:00. */
export const defaultTransferSlaRule: TransferSlaRule = { kind: 'next-business-day', time: '12:00' };

/**
 * When a transfer filed at `filedAt` is due under `rule`, on the business calendar. A transfer filed
 * on Friday 18:30 before a substitute-holiday Monday is due on Tuesday 12:00 under the default rule;
 * under `business-minutes`, only open time counts (nights, weekends, holidays and closures do not).
 * Throws `RangeError` for a malformed rule (a fault: rules are validated when an admin saves them).
 */
export function computeTransferDueAt(filedAt: Date, rule: TransferSlaRule, facts: CalendarFacts): Date {
  if (rule.kind === 'next-business-day') return nextBusinessDayAt(filedAt, rule.time, facts);
  if (!Number.isInteger(rule.minutes) || rule.minutes < 1) {
    throw new RangeError(`SLA minutes must be a positive integer, got ${rule.minutes}`);
  }
  return addBusinessMinutes(filedAt, rule.minutes, facts);
}
