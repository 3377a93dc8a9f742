/** One server-sent event as a client receives it. */
export type StreamedEvent = { id: number; type: string; data: Record<string, unknown> };

/** A live event stream (GET /api/v1/events) read in the background. */
export type EventStream = {
  /** Every event received so far, in order (empty when `onEvent` takes them). */
  events: StreamedEvent[];
  close: () => void;
};

/** How a caller takes the events instead of collecting them, and what else may end the stream. */
export type EventStreamOptions = {
  /**
   * Called with each event and when its chunk arrived (performance.now()), instead of collecting
   * it: a bench with many clients measures arrival and keeps nothing.
   */
  onEvent?: (event: StreamedEvent, receivedAt: number) => void;
  /** Ends the stream too (one signal for many clients). */
  signal?: AbortSignal;
};

/**
 * Opens `GET /api/v1/events` with a bearer token, as the console does, and resolves once the
 * server says it is connected; events then collect in `events` (or go to `onEvent`) until `close`.
 * Used by the integration tests and the benches alike.
 */
export async function openEventStream(
  base: string,
  authorization: string,
  options: EventStreamOptions = {},
): Promise<EventStream> {
  const abort = new AbortController();
  const signal = options.signal ? AbortSignal.any([abort.signal, options.signal]) : abort.signal;
  const events: StreamedEvent[] = [];
  const take = options.onEvent ?? ((event: StreamedEvent) => events.push(event));
  const response = await fetch(`${base}/api/v1/events`, { headers: { authorization }, signal });
  if (response.status !== 200 || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let markConnected = () => {};
  const connected = new Promise<void>((resolve) => {
    markConnected = resolve;
  });
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const receivedAt = performance.now();
      buffer += value;
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      for (const message of messages) {
        const lines = message.split('\n');
        if (lines.some((line) => line.startsWith(': connected'))) markConnected();
        const field = (name: string) =>
          lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
        const type = field('event');
        const data = field('data');
        if (type && data) take({ id: Number(field('id') ?? 0), type, data: JSON.parse(data) }, receivedAt);
      }
    }
  })().catch(() => {});
  await connected;
  return { events, close: () => abort.abort() };
}
