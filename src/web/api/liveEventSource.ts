/**
 * One server-sent event stream (GET /api/v1/events) per page, shared by every screen part that
 * listens: a browser allows about six connections per origin, and two console tabs with a stream
 * per panel would use them up and stall ordinary requests. The stream closes when its last user
 * releases it.
 */
let shared: { source: EventSource; users: number } | null = null;

export const liveEventSource = {
  /** The page's event stream, opened on first use. Call `release` when done. */
  acquire(): EventSource {
    if (!shared || shared.source.readyState === EventSource.CLOSED) {
      shared = { source: new EventSource('/api/v1/events'), users: 0 };
    }
    shared.users += 1;
    return shared.source;
  },
  release(source: EventSource): void {
    if (!shared || shared.source !== source) {
      source.close();
      return;
    }
    shared.users -= 1;
    if (shared.users <= 0) {
      shared.source.close();
      shared = null;
    }
  },
};
