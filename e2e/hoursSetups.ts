/**
 * The two server setups the specs run against. Business hours must not depend on the real clock,
 * so each server runs its clock from a fixed instant (IEUM_FAKE_NOW): a Wednesday 10:00 (open) and
 * the same Wednesday 20:00 (closed, after hours; next opening Thursday 09:00), and the open
 * Wednesday again with two guides loaded.
 * IEUM_E2E_PORT_BASE (default 3100) moves all three ports, so two runs on one machine do not collide.
 */
const portBase = Number(process.env.IEUM_E2E_PORT_BASE ?? 3100);

export const hoursSetups = {
  open: { port: portBase, fakeNow: '2026-11-25T10:00:00+09:00' },
  closed: { port: portBase + 1, fakeNow: '2026-11-25T20:00:00+09:00' },
  /** Open hours with a second guide (test/fixtures/guides: ten types, a chat-only script) beside the business guide. */
  guides: { port: portBase + 2, fakeNow: '2026-11-25T10:00:00+09:00', extraGuides: 'test/fixtures/guides' },
} as const;
