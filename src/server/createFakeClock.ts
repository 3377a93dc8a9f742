/** A test clock: starts at an instant, runs on in real time, and can be moved forward. */
export type FakeClock = { now: () => Date; advance: (ms: number) => void };

/**
 * The clock of a server started with IEUM_FAKE_NOW (tests only): it starts at that instant and
 * advances in real time, so timers and ordering still behave, and end-to-end tests can move it
 * forward (POST /api/v1/test/clock) to make time-driven rules happen — a consultation idle for two
 * hours becoming abandoned — without waiting for them.
 */
export function createFakeClock(start: string): FakeClock {
  let offset = new Date(start).getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
