/**
 * Whether anybody is waiting on this server: the requests in flight, and how long ago the last
 * one ended. Background work that holds the embedded database (its vacuum freezes the process,
 * PGlite running in it) asks it for a quiet moment first. Long-lived streams do not count: they
 * are open all day and wait on nothing.
 */
export type RequestActivity = {
  /** Counts a request as in flight until the function it returns is called (calling it again does nothing). */
  begin(): () => void;
  /** True when no request is in flight and none ended in the last `ms` milliseconds. */
  quietFor(ms: number): boolean;
};

/**
 * @param elapsedMs a monotonic clock in milliseconds (tests give their own); not the app's clock,
 *   which a test server may move by days.
 */
export function createRequestActivity(elapsedMs: () => number = () => performance.now()): RequestActivity {
  let inFlight = 0;
  // Quiet from the start: nobody has asked anything yet.
  let lastEndedAt = Number.NEGATIVE_INFINITY;
  return {
    begin: () => {
      inFlight += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight -= 1;
        lastEndedAt = elapsedMs();
      };
    },
    quietFor: (ms) => inFlight === 0 && elapsedMs() - lastEndedAt >= ms,
  };
}
