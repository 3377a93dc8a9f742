import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './appContext.ts';
import { isDatabaseUnavailable } from './db/isDatabaseUnavailable.ts';
import { AppError, toProblem } from './errors.ts';
import { answerClientError } from './http/answerClientError.ts';
import { describeValidationIssue } from './http/describeValidationIssue.ts';
import { makeStringsWellFormed } from './http/makeStringsWellFormed.ts';
import { problemInstance } from './http/problemInstance.ts';
import { RequestValidationError } from './http/RequestValidationError.ts';
import { RouteMethodIndex } from './http/RouteMethodIndex.ts';
import { zodValidatorCompiler } from './http/zodValidatorCompiler.ts';
import { msg } from './i18n/localisedText.ts';
import { negotiateLocale } from './i18n/negotiateLocale.ts';
import { apiDocs } from './plugins/apiDocs.ts';
import { authenticationPlugin } from './plugins/authentication.ts';
import { postgresRateLimitStore } from './plugins/postgresRateLimitStore.ts';
import { requestActivityPlugin } from './plugins/requestActivityHooks.ts';
import { allRoutes } from './routes/allRoutes.ts';

/** The words for a framework's 4xx error, by its code; the framework's own English otherwise. */
function frameworkClientError(error: Partial<FastifyError>): AppError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported-media-type', msg('http.unsupportedMediaType'), [
        { where: 'header content-type', message: msg('http.unsupportedMediaType') },
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('bad-request', msg('http.malformedJson'), [
        { where: 'body', message: msg('http.malformedJson') },
      ]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad-request', msg('http.emptyJsonBody'), [
        { where: 'body', message: msg('http.emptyJsonBody') },
      ]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload-too-large', msg('http.bodyTooLarge'), [
        { where: 'body', message: msg('http.bodyTooLarge') },
      ]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad-request', msg('http.contentLengthMismatch'), [
        { where: 'body', message: msg('http.contentLengthMismatch') },
      ]);
    default: {
      // Malformed JSON, wrong content type, body too large: the framework's message says what, and
      // `errors` says where, like every other 4xx.
      const text = msg('http.badRequest', { reason: error.message ?? 'Bad request' });
      return new AppError('bad-request', text, [{ where: 'body', message: text }]);
    }
  }
}

/** Turns any thrown error into an AppError: our own as they are, framework errors by status. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    const part = error.validationContext ?? 'body';
    const details = error.issues.map((issue) => describeValidationIssue(issue, part));
    return new AppError('validation-failed', details[0]?.message ?? msg('validation.failed'), details);
  }
  if (isDatabaseUnavailable(error)) return new AppError('unavailable', msg('http.databaseUnavailable'));
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === 'FST_ERR_BAD_URL')
    return new AppError('bad-request', msg('http.badPercentEncoding'), [
      { where: 'path', message: msg('http.badPercentEncodingDetail') },
    ]);
  if (fastifyError.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new AppError('uri-too-long', msg('http.pathTooLong'), [
      { where: 'path', message: msg('http.pathSegmentLimit', { max: 100 }) },
    ]);
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status === 429) return new AppError('rate-limited', msg('http.rateLimited'));
  if (status === 404) return new AppError('not-found', msg('http.notFound'));
  if (status >= 400 && status < 500) return frameworkClientError(fastifyError);
  return new AppError('internal', msg('http.internal'));
}

/** Sends a problem+json answer in the request's language (Accept-Language; Korean by default). */
function sendProblem(request: FastifyRequest, reply: FastifyReply, appError: AppError) {
  const locale = negotiateLocale(request.headers['accept-language']);
  return reply
    .code(appError.status)
    .type('application/problem+json')
    .header('content-language', locale)
    .header('vary', 'Accept-Language')
    .send(toProblem(appError, problemInstance(request.url), locale));
}

/** Answers 405 with the methods the path does take, in `Allow` and in words. */
function refuseMethod(request: FastifyRequest, reply: FastifyReply, allowed: string[]) {
  const list = allowed.join(', ');
  reply.header('allow', list);
  return sendProblem(
    request,
    reply,
    new AppError(
      'method-not-allowed',
      msg('http.methodNotAllowed', {
        method: request.method,
        path: problemInstance(request.url),
        allowed: list,
      }),
      [{ where: 'method', message: msg('http.methodNotAllowedDetail', { allowed: list }) }],
    ),
  );
}

/** Deepest a request value is walked looking for NUL characters (bodies are at most 1 MB anyway). */
const MAX_NUL_SCAN_DEPTH = 32;

/**
 * Where the first string holding U+0000 is in a parsed request part ('body/record/title'), or null.
 * PostgreSQL text cannot store NUL, so such a value would fail in the database as a 500 (or, for
 * a value that is only compared, make the query fail); no field of this API has a use for it.
 */
function findNulCharacter(value: unknown, where: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? where : null;
  if (depth >= MAX_NUL_SCAN_DEPTH || value === null || typeof value !== 'object' || Buffer.isBuffer(value))
    return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${where}/${key.replaceAll('\u0000', '\\u0000')}`;
    const found = findNulCharacter(inner, `${where}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Builds the Fastify app: security headers, cookies, rate limits, authentication, the OpenAPI
 * document, every route, and the built web console. Tests call it with their own context.
 */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const requestTimeoutMs = ctx.env.IEUM_REQUEST_TIMEOUT_SECONDS * 1000;
  const app = Fastify({
    loggerInstance: ctx.logger,
    // Behind nginx (deploy/nginx/ieum.conf) the client's address comes from X-Forwarded-For.
    trustProxy: ctx.env.IEUM_TRUST_PROXY,
    bodyLimit: 1_048_576,
    // Live event streams never go idle; closing must not wait for them.
    forceCloseConnections: true,
    // A client that sends headers and then less body than its Content-Length promised would hold a
    // socket forever; the whole request must arrive within this time (answered 408 otherwise).
    // Only receiving is timed: a live event stream stays open once its request has arrived.
    requestTimeout: requestTimeoutMs,
    http: {
      headersTimeout: Math.min(60_000, requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, requestTimeoutMs / 4)),
    },
    // Bad percent-encoding and over-long path values are answered before routing: as problem+json.
    frameworkErrors: (error, request, reply) => {
      const appError = toAppError(error);
      const locale = negotiateLocale(request.headers['accept-language']);
      const body = JSON.stringify(toProblem(appError, problemInstance(request.url), locale));
      reply.raw.writeHead(appError.status, {
        'content-type': 'application/problem+json',
        'content-language': locale,
        vary: 'Accept-Language',
        'content-length': Buffer.byteLength(body),
      });
      reply.raw.end(body);
    },
    clientErrorHandler: answerClientError,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    // A 401 names the scheme to authenticate with (RFC 9110 §11.6.1); a bearer token that was sent
    // and not taken (unknown, revoked or expired) is an invalid_token (RFC 6750 §3).
    if (appError.status === 401) {
      const sentBearer = /^bearer +\S/i.test(request.headers.authorization ?? '');
      reply.header('www-authenticate', `Bearer realm="ieum"${sentBearer ? ', error="invalid_token"' : ''}`);
    }
    return sendProblem(request, reply, appError);
  });
  // Before schema validation, so every route refuses NUL characters the same way: a 400 naming the field.
  app.addHook('preValidation', async (request) => {
    request.body = makeStringsWellFormed(request.body);
    const parts = { params: request.params, querystring: request.query, body: request.body };
    for (const [part, value] of Object.entries(parts)) {
      const where = findNulCharacter(value, part);
      if (where) {
        throw new AppError('validation-failed', msg('validation.nulCharacter', { where }), [
          { where, message: msg('http.nulCharacter') },
        ]);
      }
    }
  });
  const routeMethods = new RouteMethodIndex();
  app.addHook('onRoute', (route) => routeMethods.add(route.method, route.url));
  // Before authentication, so a PBX or Kakao admin opening a token URL in a browser (GET on a
  // POST-only path) is told the method, not to log in.
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined) {
      if (!request.url.startsWith('/api/')) return;
      const allowed = routeMethods.methodsFor(request.url);
      if (allowed.length > 0) return refuseMethod(request, reply, allowed);
      return;
    }
    // A parametric route of this method caught a path that another method serves as written
    // (GET /leads/duplicates reached GET /leads/:id): the caller has the wrong method, not a bad id.
    if (!route.includes(':')) return;
    const allowed = routeMethods.staticMethodsFor(request.url);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return refuseMethod(request, reply, allowed);
    }
  });
  app.setNotFoundHandler(async (request, reply) => {
    const webIndex = path.join(ctx.env.IEUM_WEB_DIR, 'index.html');
    // The console is a single-page app: unknown non-API GETs get its index.html.
    if (request.method === 'GET' && !request.url.startsWith('/api/') && fs.existsSync(webIndex)) {
      return reply.type('text/html; charset=utf-8').send(fs.createReadStream(webIndex));
    }
    const allowed = routeMethods.methodsFor(request.url);
    if (allowed.length > 0) return refuseMethod(request, reply, allowed);
    const routePath = problemInstance(request.url);
    return sendProblem(
      request,
      reply,
      new AppError('not-found', msg('http.routeNotFound', { method: request.method, path: routePath })),
    );
  });

  // First, so every answer counts — a 401 or a rate limit's 429 too.
  await app.register(requestActivityPlugin, { activity: ctx.activity });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets CSS variables through inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie);
  // On PostgreSQL the counters are shared by every instance (one limit behind a proxy, not N);
  // the embedded database has one process, whose memory is the cheaper place to count.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(ctx.database.kind === 'postgres' ? { store: postgresRateLimitStore(ctx.database.db) } : {}),
  });
  // The OpenAPI document and its page: built on first use, from every route added below.
  apiDocs(app);

  await app.register(authenticationPlugin, { ctx });
  for (const routes of allRoutes) {
    await app.register(routes, { ctx });
  }

  if (fs.existsSync(ctx.env.IEUM_WEB_DIR)) {
    // Loaded only here (~25 ms of module evaluation): a server without the built console — API
    // only, the tests, the benches — never needs it.
    await app.register(import('@fastify/static'), {
      root: path.resolve(ctx.env.IEUM_WEB_DIR),
      wildcard: false,
      index: ['index.html'],
    });
  }
  return app;
}
