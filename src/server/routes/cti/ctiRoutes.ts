import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { callIdParamsSchema } from '../../../contract/cti/callIdParamsSchema.ts';
import { callPopSchema } from '../../../contract/cti/callPopSchema.ts';
import { createCtiTokenSchema } from '../../../contract/cti/createCtiTokenSchema.ts';
import { createdCtiTokenSchema } from '../../../contract/cti/createdCtiTokenSchema.ts';
import { ctiEventAnswerSchema } from '../../../contract/cti/ctiEventAnswerSchema.ts';
import { ctiEventSchema } from '../../../contract/cti/ctiEventSchema.ts';
import { ctiTokenIdParamsSchema } from '../../../contract/cti/ctiTokenIdParamsSchema.ts';
import { ctiTokenListSchema } from '../../../contract/cti/ctiTokenListSchema.ts';
import { ctiTokenPathSchema } from '../../../contract/cti/ctiTokenPathSchema.ts';
import { listMissedCallsQuerySchema } from '../../../contract/cti/listMissedCallsQuerySchema.ts';
import { missedCallListSchema } from '../../../contract/cti/missedCallListSchema.ts';
import { missedCallSchema } from '../../../contract/cti/missedCallSchema.ts';
import { recentlyAnsweredCallListSchema } from '../../../contract/cti/recentlyAnsweredCallListSchema.ts';
import { revealCallerNumberSchema } from '../../../contract/cti/revealCallerNumberSchema.ts';
import { revealedCallerNumberSchema } from '../../../contract/cti/revealedCallerNumberSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { revealRateLimit } from '../../plugins/personalDataRateLimits.ts';
import type { CtiTokenRow } from '../../repositories/ctiTokenRepository.ts';
import { authenticateCtiToken } from '../../services/cti/authenticateCtiToken.ts';
import { completeMissedCallCallback } from '../../services/cti/completeMissedCallCallback.ts';
import { createCtiToken } from '../../services/cti/createCtiToken.ts';
import { getCallPop } from '../../services/cti/getCallPop.ts';
import { handleCtiEvent } from '../../services/cti/handleCtiEvent.ts';
import { listCtiTokens } from '../../services/cti/listCtiTokens.ts';
import { listMissedCalls } from '../../services/cti/listMissedCalls.ts';
import { listRecentlyAnsweredCalls } from '../../services/cti/listRecentlyAnsweredCalls.ts';
import { revealMissedCallNumber } from '../../services/cti/revealMissedCallNumber.ts';
import { revokeCtiToken } from '../../services/cti/revokeCtiToken.ts';
import { problemResponses } from '../schemas.ts';
import { parseFormBody } from './parseFormBody.ts';

/**
 * Telephony (CTI): the PBX endpoint compatible with Zammad's generic CTI, its tokens (admins), and
 * the missed calls the business team calls back.
 */
export async function ctiRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  // The integration a CTI request authenticated as (checked before the body, so a wrong token is a 401
  // whatever it sent).
  const integrations = new WeakMap<object, CtiTokenRow>();
  const r = app.withTypeProvider<ZodTypeProvider>();

  // PBX bridges post forms as often as JSON (Zammad accepts both); `user[]` may repeat.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) =>
      done(null, parseFormBody(typeof body === 'string' ? body : body.toString('utf8'))),
  );

  r.post(
    '/api/v1/cti/tokens',
    {
      schema: {
        tags: ['cti'],
        summary: 'Create the token of a PBX integration (admins; shown once)',
        body: createCtiTokenSchema,
        response: { 201: createdCtiTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const admin = requirePermission(request, 'cti:manage');
      return reply.code(201).send(await createCtiToken(ctx, request.body, { id: admin.id, ip: request.ip }));
    },
  );

  r.get(
    '/api/v1/cti/tokens',
    {
      schema: {
        tags: ['cti'],
        summary: 'List the CTI tokens with their last use (never the token)',
        response: { 200: ctiTokenListSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'cti:manage');
      return { items: await listCtiTokens(ctx) };
    },
  );

  r.delete(
    '/api/v1/cti/tokens/:id',
    {
      schema: {
        tags: ['cti'],
        summary: "Revoke a CTI token: the PBX's next event gets 401, like an unknown token",
        params: ctiTokenIdParamsSchema,
        response: { 204: z.undefined().describe('Revoked'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const admin = requirePermission(request, 'cti:manage');
      await revokeCtiToken(ctx, request.params.id, { id: admin.id, ip: request.ip });
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/cti/calls/recently-answered',
    {
      schema: {
        tags: ['cti'],
        summary:
          'Calls answered at your extension in the last minute whose consultation is still open, newest first (ids, as `call.answered` names them)',
        description:
          'A console whose event stream connected after the answer (signed in or reloaded just then) reads this on connecting and pops them, so no screen pop is lost to the moment the stream was down.',
        response: { 200: recentlyAnsweredCallListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'consultation:create');
      return { items: await listRecentlyAnsweredCalls(ctx, user) };
    },
  );

  r.get(
    '/api/v1/cti/calls/:id',
    {
      schema: {
        tags: ['cti'],
        summary:
          'The screen pop of a call answered at your extension: its consultation, the caller by the directory, their last consultations and open transfers (masked)',
        description:
          'Announced by the live event `call.answered` (GET /api/v1/events) on the answering agent’s streams only; 404 for anyone else.',
        params: callIdParamsSchema,
        response: { 200: callPopSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'consultation:create');
      return getCallPop(ctx, user, request.params.id, answerLocale(request, reply));
    },
  );

  r.get(
    '/api/v1/cti/missed-calls',
    {
      schema: {
        tags: ['cti'],
        summary:
          'Missed calls to call back (the business queue), due first; numbers masked, each with who the caller is by the directory',
        querystring: listMissedCallsQuerySchema,
        response: { 200: missedCallListSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'missed-call:read');
      return { items: await listMissedCalls(ctx, request.query, answerLocale(request, reply)) };
    },
  );

  r.post(
    '/api/v1/cti/missed-calls/:id/done',
    {
      schema: {
        tags: ['cti'],
        summary: "Mark a missed call's callback made",
        params: callIdParamsSchema,
        response: { 200: missedCallSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'missed-call:work');
      return completeMissedCallCallback(ctx, user, request.params.id, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/cti/missed-calls/:id/reveal',
    {
      config: { rateLimit: revealRateLimit(ctx.env) },
      schema: {
        tags: ['cti'],
        summary: "A missed caller's number in clear, to call back (logged with the reason)",
        params: callIdParamsSchema,
        body: revealCallerNumberSchema,
        response: { 200: revealedCallerNumberSchema, 409: problemSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'personal-data:reveal');
      return revealMissedCallNumber(ctx, user, request.params.id, request.body, { ip: request.ip });
    },
  );

  // Last: a static path above (`tokens`) wins over this parametric one for GET and DELETE, and a
  // POST to /cti/tokens is the admin route by the router's static-first rule.
  r.post(
    '/api/v1/cti/:token',
    {
      config: {
        public: true,
        rateLimit: {
          max: ctx.env.IEUM_CTI_EVENTS_PER_MINUTE,
          timeWindow: 60_000,
          keyGenerator: (request) => `cti:${request.ip}`,
          groupId: 'cti',
        },
      },
      schema: {
        tags: ['cti'],
        summary: "A PBX's call event (Zammad generic CTI compatible: newCall, answer, hangup)",
        description:
          'JSON or application/x-www-form-urlencoded (`user[]` repeated). The token in the path authenticates the PBX integration (POST /api/v1/cti/tokens); an unknown or revoked token gets the same 401. Events are keyed by `callId`: a repeated event changes nothing. `answer` pops the call on the screens of the agent whose extension is `answeringNumber` (else whose e-mail it is) and starts their call consultation; a `hangup` of an inbound call never answered (cause cancel, noAnswer or busy) becomes a callback in the business queue, due in business hours. Answers `{}` like Zammad without caller blocking.',
        params: ctiTokenPathSchema,
        body: ctiEventSchema,
        response: { 200: ctiEventAnswerSchema, 429: problemSchema, ...problemResponses },
      },
      preValidation: async (request) => {
        const params: unknown = request.params;
        const token =
          params !== null &&
          typeof params === 'object' &&
          'token' in params &&
          typeof params.token === 'string'
            ? params.token
            : '';
        integrations.set(request, await authenticateCtiToken(ctx, token));
      },
    },
    async (request) => {
      const token = integrations.get(request) ?? (await authenticateCtiToken(ctx, request.params.token));
      await handleCtiEvent(ctx, token, request.body);
      return {};
    },
  );
}
