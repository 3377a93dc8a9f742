import { businessMinutesBetween } from '../calendar/businessMinutesBetween.ts';
import type { CalendarFacts } from '../calendar/CalendarFacts.ts';

/**
 * Where a lead's callback stands:
 * - `none`: no callback pending (the customer was reached, or the lead is finished);
 * - `scheduled`: due later;
 * - `due`: the due time has come (within the grace of an hour of business time);
 * - `overdue`: due more than an hour of business time ago.
 */
export type LeadCallbackState = 'none' | 'scheduled' | 'due' | 'overdue';

/** A callback's state and how far it is from its due time. */
export type LeadCallback = {
  state: LeadCallbackState;
  dueAt: Date | null;
  /** Business minutes from now to the due time, negative once due; null when none is pending. */
  businessMinutesLeft: number | null;
};

/** Business minutes after the due time in which a callback counts as "due" rather than "overdue". */
export const CALLBACK_GRACE_MINUTES = 60;

/**
 * Measures a pending callback at `now`. Minutes are business minutes: a callback due Monday 10:30 is
 * not overdue on Saturday, and one due Friday 17:30 is overdue on Monday 09:31.
 */
export function measureLeadCallback(dueAt: Date | null, now: Date, facts: CalendarFacts): LeadCallback {
  if (dueAt === null) return { state: 'none', dueAt: null, businessMinutesLeft: null };
  const left = Math.trunc(businessMinutesBetween(now, dueAt, facts)) || 0;
  if (now.getTime() < dueAt.getTime()) return { state: 'scheduled', dueAt, businessMinutesLeft: left };
  return { state: -left > CALLBACK_GRACE_MINUTES ? 'overdue' : 'due', dueAt, businessMinutesLeft: left };
}
