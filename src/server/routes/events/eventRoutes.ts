import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventStreamHeadersSchema } from '../../../contract/events/eventStreamHeadersSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { canSeeEvent } from '../../events/canSeeEvent.ts';
import type { LiveEvent } from '../../events/publishEvent.ts';
import { requireUser } from '../../plugins/authentication.ts';

/** How many sent event ids a stream remembers to skip repeats (far more than can be in flight). */
const RECENT_IDS_KEPT = 2000;

/**
 * GET /api/v1/events: server-sent events for live screens (queue, agent's own transfers).
 * Reconnecting clients send Last-Event-ID and get what they missed.
 */
export async function eventRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const heartbeatMs = ctx.env.IEUM_EVENTS_HEARTBEAT_SECONDS * 1000;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Live events (text/event-stream); each message has id, event type and JSON data',
        headers: eventStreamHeadersSchema,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      // HEAD gets the stream's headers and no body: the stream below would never end.
      if (request.method === 'HEAD')
        return reply.type('text/event-stream; charset=utf-8').header('cache-control', 'no-cache').send();
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // Catch-up and live delivery can overlap, so sent ids are remembered (the most recent ones).
      // Not a high-water mark: ids are taken at insert but events arrive in commit order, so a
      // smaller id can legitimately come after a larger one when transactions overlap.
      const sent = new Set<number>();
      const send = (event: LiveEvent) => {
        if (sent.has(event.id)) return;
        sent.add(event.id);
        if (sent.size > RECENT_IDS_KEPT) sent.delete(sent.values().next().value ?? event.id);
        if (!canSeeEvent(user, event)) return;
        raw.write(
          `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ ...event.data, at: event.at })}\n\n`,
        );
      };
      raw.write('retry: 2000\n: connected\n\n');
      const lastId = request.headers['last-event-id'];
      const unsubscribe = ctx.events.subscribe(send);
      if (lastId) for (const event of await ctx.events.since(Number(lastId))) send(event);
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
