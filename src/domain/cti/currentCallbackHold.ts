/** A callback's recorded taker, as stored (either may be missing). */
export type CallbackTaking = { takenBy: string | null; takenAt: Date | null };

/**
 * Who holds a missed call's callback at `now`: whoever last took it (revealed the number to call
 * back), until `holdMinutes` after they did. A hold that ran out is no one's: the first taker may
 * have given up without saying so, and the customer must not wait on them.
 */
export function currentCallbackHold(
  taking: CallbackTaking,
  now: Date,
  holdMinutes: number,
): { userId: string; since: Date } | null {
  if (taking.takenBy === null || taking.takenAt === null) return null;
  if (now.getTime() - taking.takenAt.getTime() >= holdMinutes * 60_000) return null;
  return { userId: taking.takenBy, since: taking.takenAt };
}
