import type { LiveEvent } from './publishEvent.ts';

// The hub hands the same event object to every stream: its frame is built on the first stream
// that shows it and reused by the others.
const frames = new WeakMap<LiveEvent, string>();

/** An event as one server-sent-events message: its id, type, and its data with `at` (JSON). */
export function formatEventFrame(event: LiveEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ ...event.data, at: event.at })}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}
