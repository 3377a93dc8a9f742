import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventStreamHeadersSchema } from '../../../contract/events/eventStreamHeadersSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { createEventStreams } from '../../events/createEventStreams.ts';
import { requireUser } from '../../plugins/authentication.ts';

/**
 * GET /api/v1/events: server-sent events for live screens (queue, agent's own transfers).
 * Reconnecting clients send Last-Event-ID and get what they missed.
 */
export async function eventRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  // One subscription to the hub for all of this instance's streams; ended before the server closes.
  const streams = createEventStreams(ctx, { heartbeatMs: ctx.env.IEUM_EVENTS_HEARTBEAT_SECONDS * 1000 });
  app.addHook('preClose', async () => streams.close());
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/events',
    {
      config: { longLived: true },
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
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const lastId = request.headers['last-event-id'];
      await streams.open(user, reply.raw, lastId === undefined ? undefined : Number(lastId));
    },
  );
}
