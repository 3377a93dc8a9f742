/**
 * The server setups the specs run against. Business hours must not depend on the real clock,
 * so each server runs its clock from a fixed instant (IEUM_FAKE_NOW): a Wednesday 10:00 (open) and
 * the same Wednesday 20:00 (closed, after hours; next opening Thursday 09:00), and that Wednesday
 * at 09:00 with two guides loaded: the business line (09–18) has just opened, the partner test
 * guide's line (10–17) opens an hour later, so each call must be routed by its own guide's hours.
 * IEUM_E2E_PORT_BASE (default 3100) moves all four ports, so two runs on one machine do not collide.
 */
const portBase = Number(process.env.IEUM_E2E_PORT_BASE ?? 3100);

export const hoursSetups = {
  open: { port: portBase, fakeNow: '2026-11-25T10:00:00+09:00' },
  /** A second server like `open`, for the half of the @open specs in e2e/secondOpenServerSpecs.ts. */
  openB: { port: portBase + 3, fakeNow: '2026-11-25T10:00:00+09:00' },
  closed: { port: portBase + 1, fakeNow: '2026-11-25T20:00:00+09:00' },
  /**
   * A second guide (test/fixtures/guides: ten types, a chat-only script, its own line open 10–17)
   * beside the business guide, at 09:00: the business line open, the partner line not yet. The
   * server's clock runs on from there, so the partner line stays closed for the run's first hour.
   */
  guides: { port: portBase + 2, fakeNow: '2026-11-25T09:00:00+09:00', extraGuides: 'test/fixtures/guides' },
} as const;
