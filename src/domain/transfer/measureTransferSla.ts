import { businessMinutesBetween } from '../calendar/businessMinutesBetween.ts';
import type { CalendarFacts } from '../calendar/CalendarFacts.ts';
import type { TransferStatus } from './transferStatuses.ts';

/**
 * Where a transfer stands against its SLA:
 * - `running`: not contacted yet, due time ahead;
 * - `overdue`: not contacted yet, due time passed (for 연락불가, the retry time passed);
 * - `met`: the customer was contacted (연락완료) or the transfer is closed; the clock stopped.
 */
export type TransferSlaState = 'running' | 'overdue' | 'met';

/** SLA figures for one transfer at one instant. */
export type TransferSla = {
  state: TransferSlaState;
  /** The instant the clock runs to: the due time, or the retry time while 연락불가. Null once met. */
  targetAt: Date | null;
  /**
   * Open business minutes from now to the target, rounded toward zero; negative when overdue
   * (how much business time has passed since). Null once met.
   */
  businessMinutesLeft: number | null;
};

/**
 * Measures a transfer against its SLA at `now`. While 연락불가 the business team waits for the retry
 * time it chose, so that time (not the original due time) is what the transfer is late against.
 * Minutes are business minutes: a transfer due Monday 12:00 has 180 minutes left on Friday 17:00 — the
 * weekend does not count.
 */
export function measureTransferSla(
  transfer: { status: TransferStatus; dueAt: Date; retryAt: Date | null },
  now: Date,
  facts: CalendarFacts,
): TransferSla {
  if (transfer.status === 'contacted' || transfer.status === 'closed') {
    return { state: 'met', targetAt: null, businessMinutesLeft: null };
  }
  const targetAt =
    transfer.status === 'unreachable' && transfer.retryAt !== null ? transfer.retryAt : transfer.dueAt;
  const overdue = now.getTime() > targetAt.getTime();
  // Math.trunc keeps "59.9 minutes left" as 59 and never shows -0 for a just-overdue transfer.
  const minutes = Math.trunc(businessMinutesBetween(now, targetAt, facts)) || 0;
  return { state: overdue ? 'overdue' : 'running', targetAt, businessMinutesLeft: minutes };
}
