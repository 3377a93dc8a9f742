import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../appContext.ts';

/**
 * Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers and
 * the LISTEN connection for live events and cache invalidation is up).
 */
export async function healthRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    // Without its LISTEN connection an instance would serve stale caches and no live events:
    // take it out of the load balancer until the connection is back (it reconnects by itself).
    if (!options.ctx.database.listening()) {
      return reply.code(503).type('application/problem+json').send({
        type: 'https://ieum.dev/problems/unavailable',
        title: 'unavailable',
        status: 503,
        code: 'unavailable',
        detail: 'Live events are not being received (the LISTEN connection is down); reconnecting.',
      });
    }
    try {
      await options.ctx.database.ping();
      return { status: 'ready', database: options.ctx.database.kind };
    } catch {
      return reply.code(503).type('application/problem+json').send({
        type: 'https://ieum.dev/problems/unavailable',
        title: 'unavailable',
        status: 503,
        code: 'unavailable',
        detail: 'The database does not answer yet.',
      });
    }
  });
}
