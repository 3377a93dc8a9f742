/** A running lease renewal; `stop` ends it and waits for a renewal in flight. */
export type LeaseKeeper = { stop: () => Promise<void> };

/**
 * Renews a lease every `everyMs` while slow work runs (a job's handler, an SMTP conversation), so
 * the lease can be short — a killed worker's work is picked up again soon — without a live worker
 * losing its work to another one halfway. A failed renewal is reported and tried again next time:
 * the lease is long enough to ride out a few.
 */
export function keepLeaseAlive(
  everyMs: number,
  renew: () => Promise<void>,
  onError: (error: unknown) => void,
): LeaseKeeper {
  let inFlight: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = renew()
      .catch(onError)
      .finally(() => {
        inFlight = null;
      });
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await inFlight;
    },
  };
}
