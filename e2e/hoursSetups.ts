/**
 * The two server setups the specs run against. Business hours must not depend on the real clock,
 * so each server runs its clock from a fixed instant (IEUM_FAKE_NOW): a Wednesday 10:00 (open) and
 * the same Wednesday 20:00 (closed, after hours; next opening Thursday 09:00).
 */
export const hoursSetups = {
  open: { port: 3100, fakeNow: '2026-11-25T10:00:00+09:00' },
  closed: { port: 3101, fakeNow: '2026-11-25T20:00:00+09:00' },
} as const;
