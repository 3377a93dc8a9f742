import type { ServerResponse } from 'node:http';
import type { AppContext } from '../appContext.ts';
import type { PublicUser } from '../services/auth/publicUser.ts';
import { eventAsSeenBy } from './eventAsSeenBy.ts';
import { formatEventFrame } from './formatEventFrame.ts';
import type { LiveEvent } from './publishEvent.ts';

/** The open server-sent-event streams of one instance, fed from its event hub. */
export type EventStreams = {
  /**
   * Serves a stream on a response whose headers are written; with `lastEventId`, first what the
   * client missed since then. Resolves once the stream is live.
   */
  open: (user: PublicUser, raw: ServerResponse, lastEventId: number | undefined) => Promise<void>;
  /** How many streams are open. */
  size: () => number;
  /** Ends every stream (clients reconnect, to this instance or another) and stops the heartbeat. */
  close: () => void;
};

export type EventStreamOptions = {
  /** A comment line sent on every stream this often, so proxies and browsers keep it open. */
  heartbeatMs?: number;
  /**
   * A client that lets more than this many bytes pile up unread is not keeping up: its stream is
   * ended rather than buffering without bound, and it reconnects with Last-Event-ID to catch up.
   */
  maxBufferedBytes?: number;
};

const HEARTBEAT_MS = 15_000;
const MAX_BUFFERED_BYTES = 1024 * 1024;

type Stream = {
  user: PublicUser;
  raw: ServerResponse;
  /** Frames waiting for the next flush (one write per stream per batch of events). */
  pending: string;
  /** Live events held while the stream's catch-up is read; null once live. */
  held: LiveEvent[] | null;
  /** Ids the client has (Last-Event-ID) or the catch-up sent: a live delivery of one is a repeat. */
  caughtUp: ReadonlySet<number> | null;
};

/**
 * Fans the hub's events out to every open stream with per-event work done once: the hub reads an
 * event once per instance, its frame is serialised once (formatEventFrame) and the visibility check
 * (eventAsSeenBy) is a lookup on the stream's user. Frames are written once per stream per batch of
 * events, a slow client is cut off past a buffer limit instead of holding memory, and one timer
 * sends every stream's heartbeat.
 */
export function createEventStreams(ctx: AppContext, options: EventStreamOptions = {}): EventStreams {
  const maxBufferedBytes = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  const streams = new Set<Stream>();
  const dirty = new Set<Stream>();
  let flushScheduled = false;

  const drop = (stream: Stream) => {
    streams.delete(stream);
    dirty.delete(stream);
    ctx.logger.info(
      { userId: stream.user.id, bufferedBytes: stream.raw.writableLength },
      'live event stream ended: the client is not reading (it reconnects and catches up)',
    );
    stream.raw.destroy();
  };
  const flush = () => {
    flushScheduled = false;
    for (const stream of dirty) {
      const chunk = stream.pending;
      stream.pending = '';
      if (stream.raw.writableLength > maxBufferedBytes) drop(stream);
      else stream.raw.write(chunk);
    }
    dirty.clear();
  };
  // Frames queued in one turn (a batch of events from the hub) go out in one write per stream.
  const queueFrame = (stream: Stream, frame: string) => {
    stream.pending += frame;
    dirty.add(stream);
    if (!flushScheduled) {
      flushScheduled = true;
      process.nextTick(flush);
    }
  };
  const show = (stream: Stream, event: LiveEvent) => {
    if (stream.caughtUp?.has(event.id)) return;
    const seen = eventAsSeenBy(stream.user, event);
    if (seen) queueFrame(stream, formatEventFrame(seen));
  };

  const unsubscribe = ctx.events.subscribe((event) => {
    for (const stream of streams) {
      if (stream.held) stream.held.push(event);
      else show(stream, event);
    }
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) queueFrame(stream, ': keep-alive\n\n');
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  return {
    open: async (user, raw, lastEventId) => {
      const stream: Stream = {
        user,
        raw,
        pending: '',
        held: lastEventId === undefined ? null : [],
        caughtUp: null,
      };
      raw.write('retry: 2000\n: connected\n\n');
      streams.add(stream);
      raw.on('close', () => {
        streams.delete(stream);
        dirty.delete(stream);
      });
      if (lastEventId === undefined) return;
      let missed: LiveEvent[];
      try {
        missed = await ctx.events.since(lastEventId);
      } catch (error) {
        // The client retries (with the same Last-Event-ID) rather than silently missing events.
        ctx.logger.warn({ err: error }, 'live event stream: reading missed events failed');
        streams.delete(stream);
        raw.destroy();
        return;
      }
      // The client has the event it names; the hub may still be delivering it live (its
      // notification can arrive after the client reconnected), which would send it again.
      stream.caughtUp = new Set([lastEventId, ...missed.map((event) => event.id)]);
      const held = stream.held ?? [];
      stream.held = null;
      for (const event of missed) {
        const seen = eventAsSeenBy(user, event);
        if (seen) queueFrame(stream, formatEventFrame(seen));
      }
      for (const event of held) show(stream, event);
    },
    size: () => streams.size,
    close: () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const stream of streams) stream.raw.end();
      streams.clear();
      dirty.clear();
    },
  };
}
