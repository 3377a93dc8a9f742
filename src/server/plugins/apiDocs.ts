import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RouteOptions,
} from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { problemSchema } from '../../contract/common/problemSchema.ts';

const DOCS_PREFIX = '/api/docs';

// What the document says of the API as a whole; each route's part comes from its own schema.
const openapi = {
  info: {
    title: 'ieum API',
    version: '1',
    description:
      'ieum (이음) contact-center workspace. Authenticate with `Authorization: Bearer <token>` (create one with `npx ieum token create --email …`) or the session cookie. Errors are application/problem+json with a stable `code`.',
  },
  components: { securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } } },
  security: [{ bearer: [] }],
};

// What an error answer means, for the document's response descriptions.
const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Bad request: problem+json naming each field (`errors[].where`)',
  '401': 'Not authenticated (WWW-Authenticate: Bearer)',
  '403': 'Not allowed for this role',
  '404': 'Not found',
  '409': 'Conflict with the current state (problem+json says which)',
  '413': 'Body too large',
  '422': 'Idempotency-Key already used for another request',
  '429': 'Too many requests: wait for Retry-After seconds (headers x-ratelimit-*)',
};

/**
 * A route's schema as the document states it. Errors are problem+json, so each 4xx and 5xx is
 * stated under `application/problem+json` with what it means (a strict client would not take a
 * problem sent as `application/json`); a rate-limited route lists its 429 and a route taking a
 * body its 413. A public route (login, setup, the PBX's and Kakao's endpoints, which carry their
 * token in the path) takes no bearer token: its operation says so (`security: []`), or generated
 * clients would demand one.
 */
function describedSchema(route: RouteOptions): RouteOptions['schema'] {
  const config = route.config as { public?: boolean; rateLimit?: unknown } | undefined;
  const schema = route.schema ?? {};
  const declared = (schema.response ?? {}) as Record<string, unknown>;
  const methods = [route.method].flat();
  const response: Record<string, unknown> = {
    ...declared,
    ...(config?.rateLimit ? { 429: problemSchema } : {}),
    ...(methods.some((method) => ['POST', 'PUT', 'PATCH'].includes(method)) ? { 413: problemSchema } : {}),
  };
  for (const [status, body] of Object.entries(response)) {
    if (Number(status) < 400 || (typeof body === 'object' && body !== null && 'content' in body)) continue;
    response[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error (problem+json)',
      content: { 'application/problem+json': { schema: body } },
    };
  }
  return {
    ...schema,
    ...(Object.keys(response).length > 0 ? { response } : {}),
    ...(config?.public ? { security: [] } : {}),
  };
}

// Hop-by-hop headers belong to the inner answer's own connection, not to the one answered here.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

/**
 * The OpenAPI document (`/api/openapi.json`) and its browsable page (`/api/docs`), made on first
 * use. @fastify/swagger and @fastify/swagger-ui cost every start ~70 ms (their modules, and the
 * page's static routes) for pages a few developers open: instead the app notes each route as it
 * is added, and the first request for the document or the page builds both in a Fastify instance
 * of their own from those routes' schemas (nothing there validates or serialises — it only
 * describes), which then answers every docs request. Same document, same page.
 */
export function apiDocs(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  // HEAD routes are the GET routes again (the document leaves them out).
  app.addHook('onRoute', (route) => {
    if (route.method !== 'HEAD') routes.push(route);
  });

  let docs: Promise<FastifyInstance> | null = null;
  const buildDocs = async (): Promise<FastifyInstance> => {
    const [{ default: fastifySwagger }, { default: fastifySwaggerUi }] = await Promise.all([
      import('@fastify/swagger'),
      import('@fastify/swagger-ui'),
    ]);
    const described = Fastify({ exposeHeadRoutes: false });
    described.setValidatorCompiler(() => () => true);
    described.setSerializerCompiler(() => (data) => JSON.stringify(data));
    await described.register(fastifySwagger, {
      openapi,
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await described.register(fastifySwaggerUi, {
      routePrefix: DOCS_PREFIX,
      staticCSP: true,
      uiHooks: {
        // The plugin redirects /static/index.html to the docs root by rewriting the URL's end, which a
        // query string defeats: '/api/docs/static/index.html?a=1' then redirected to itself forever.
        onRequest: async (request, reply) => {
          if (request.url.split('?')[0] === `${DOCS_PREFIX}/static/index.html`)
            await reply.redirect(`${DOCS_PREFIX}/`);
        },
      },
    });
    for (const route of routes) {
      if (route.url.startsWith(DOCS_PREFIX)) continue;
      described.route({
        method: route.method,
        url: route.url,
        ...(route.schema ? { schema: describedSchema(route) } : {}),
        ...(route.constraints ? { constraints: route.constraints } : {}),
        handler: async () => null,
      });
    }
    await described.ready();
    return described;
  };
  const described = (): Promise<FastifyInstance> => {
    docs ??= buildDocs().catch((error: unknown) => {
      docs = null;
      throw error;
    });
    return docs;
  };

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => (await described()).swagger());
  const answerFromDocs = async (request: FastifyRequest, reply: FastifyReply) => {
    // Asked as GET: a HEAD request gets the same headers, and Fastify drops the body itself.
    const answer = await (await described()).inject({
      method: 'GET',
      url: request.url,
      headers: request.headers,
    });
    // A page or file the docs do not have is answered like any other unknown address (problem+json).
    if (answer.statusCode === 404) return reply.callNotFound();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) reply.header(name, value);
    }
    // (An empty answer, a redirect, is sent without a body, so no content type is added to it.)
    return reply.code(answer.statusCode).send(answer.rawPayload.length > 0 ? answer.rawPayload : undefined);
  };
  app.get(DOCS_PREFIX, { schema: { hide: true } }, answerFromDocs);
  app.get(`${DOCS_PREFIX}/*`, { schema: { hide: true } }, answerFromDocs);
}
