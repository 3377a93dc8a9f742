import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RequestActivity } from '../http/requestActivity.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Stays open for as long as the client keeps it (a live event stream): not counted as activity. */
    longLived?: boolean;
  }
}

/**
 * Reports every request to the app's RequestActivity from its arrival to its answer, or to the
 * client going away first (both are reported; the first counts). Requests for long-lived routes
 * are left out.
 */
async function requestActivityHooks(
  app: FastifyInstance,
  options: { activity: RequestActivity },
): Promise<void> {
  const ends = new WeakMap<FastifyRequest, () => void>();
  const end = (request: FastifyRequest) => {
    ends.get(request)?.();
  };
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.routeOptions.config.longLived) ends.set(request, options.activity.begin());
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    end(request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    end(request);
    done();
  });
}

export const requestActivityPlugin = fp(requestActivityHooks, { name: 'request-activity' });
