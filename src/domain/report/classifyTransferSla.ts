/** Where a transfer stands against its due time, for the SLA figures. */
export type TransferSlaOutcome = 'met' | 'breached' | 'pending';

/**
 * A transfer meets its SLA when it was first contacted or closed at or before its due time (the due
 * time is business-hours arithmetic done at filing, see computeTransferDueAt); it breaches when that
 * first contact or close came later, or when the due time has passed with neither; until then it
 * is pending and counts on neither side.
 */
export function classifyTransferSla(
  transfer: { dueAt: Date; contactedAt: Date | null; closedAt: Date | null },
  now: Date,
): TransferSlaOutcome {
  const times = [transfer.contactedAt, transfer.closedAt].filter((at): at is Date => at !== null);
  if (times.length > 0) {
    const first = Math.min(...times.map((at) => at.getTime()));
    return first <= transfer.dueAt.getTime() ? 'met' : 'breached';
  }
  return now.getTime() > transfer.dueAt.getTime() ? 'breached' : 'pending';
}
