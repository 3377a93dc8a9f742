/**
 * How long an agent on the floor has not worked on their open calls: whole minutes from
 * `lastActivityAt` to `measuredAt` (ISO 8601), never below 0. Measured at the floor's own instant,
 * so a test clock or a tab left open does not skew it (see FLOOR_IDLE_NOTICE_MINUTES).
 */
export function minutesIdle(lastActivityAt: string, measuredAt: string): number {
  const minutes = Math.floor((Date.parse(measuredAt) - Date.parse(lastActivityAt)) / 60_000);
  return Number.isFinite(minutes) ? Math.max(0, minutes) : 0;
}
