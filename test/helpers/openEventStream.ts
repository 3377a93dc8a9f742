/** One server-sent event as a client receives it. */
export type StreamedEvent = { id: number; type: string; data: Record<string, unknown> };

/** A live event stream (GET /api/v1/events) read in the background. */
export type EventStream = {
  /** Every event received so far, in order. */
  events: StreamedEvent[];
  close: () => void;
};

/**
 * Opens `GET /api/v1/events` with a bearer token, as the console does, and resolves once the
 * server says it is connected; events then collect in `events` until `close`.
 */
export async function openEventStream(base: string, authorization: string): Promise<EventStream> {
  const abort = new AbortController();
  const events: StreamedEvent[] = [];
  const response = await fetch(`${base}/api/v1/events`, { headers: { authorization }, signal: abort.signal });
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
        if (type && data) events.push({ id: Number(field('id') ?? 0), type, data: JSON.parse(data) });
      }
    }
  })().catch(() => {});
  await connected;
  return { events, close: () => abort.abort() };
}
