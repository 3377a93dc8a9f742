import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { completeConsultationSchema } from '../../../contract/consultations/completeConsultationSchema.ts';
import { consultationDraftSchema } from '../../../contract/consultations/consultationDraftSchema.ts';
import { consultationIdParamsSchema } from '../../../contract/consultations/consultationIdParamsSchema.ts';
import { consultationListSchema } from '../../../contract/consultations/consultationListSchema.ts';
import { consultationSchema } from '../../../contract/consultations/consultationSchema.ts';
import { finishConsultationHeadersSchema } from '../../../contract/consultations/finishConsultationHeadersSchema.ts';
import { finishConsultationRequestSchema } from '../../../contract/consultations/finishConsultationRequestSchema.ts';
import { finishConsultationResponseSchema } from '../../../contract/consultations/finishConsultationResponseSchema.ts';
import { listConsultationsQuerySchema } from '../../../contract/consultations/listConsultationsQuerySchema.ts';
import { openConsultationListSchema } from '../../../contract/consultations/openConsultationListSchema.ts';
import { saveConsultationDraftSchema } from '../../../contract/consultations/saveConsultationDraftSchema.ts';
import { startConsultationSchema } from '../../../contract/consultations/startConsultationSchema.ts';
import { startedConsultationSchema } from '../../../contract/consultations/startedConsultationSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { completeConsultation } from '../../services/consultations/completeConsultation.ts';
import { finishConsultation } from '../../services/consultations/finishConsultation.ts';
import { getConsultation } from '../../services/consultations/getConsultation.ts';
import { getConsultationDraft } from '../../services/consultations/getConsultationDraft.ts';
import { listConsultations } from '../../services/consultations/listConsultations.ts';
import { listOpenConsultations } from '../../services/consultations/listOpenConsultations.ts';
import { saveConsultationDraft } from '../../services/consultations/saveConsultationDraft.ts';
import { startConsultation } from '../../services/consultations/startConsultation.ts';
import { problemResponses } from '../schemas.ts';

/** Consultations: start one, complete it with its record, list recent ones, read one. */
export async function consultationRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Start a consultation (call or chat)',
        body: startConsultationSchema,
        response: { 201: startedConsultationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const agent = requirePermission(request, 'consultation:create');
      return reply.code(201).send(await startConsultation(ctx, agent, request.body));
    },
  );

  r.post(
    '/api/v1/consultations/:id/complete',
    {
      schema: {
        tags: ['consultations'],
        summary:
          'Save the consultation record at the end of the script (the path is replayed against the guide)',
        params: consultationIdParamsSchema,
        body: completeConsultationSchema,
        response: { 200: consultationSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request) => {
      const agent = requirePermission(request, 'consultation:create');
      return completeConsultation(ctx, agent, request.params.id, request.body);
    },
  );

  r.post(
    '/api/v1/consultations/:id/finish',
    {
      schema: {
        tags: ['consultations'],
        summary:
          'End a consultation in one request: save the record and consent, and file the transfer or sign-up lead its outcome calls for',
        description:
          "One transaction: the path is replayed through the guide version the consultation started on, the record and its consent record are saved, and the transfer (이관) or sign-up lead (with its brochure e-mail in the outbox) is filed when the path's outcome calls for it (`fileTransfer` overrides). All or nothing. A retried request with the same `Idempotency-Key` returns the first answer (header `Idempotent-Replayed: true`); the same key with a different body is refused with 422. `/complete`, `POST /transfers` and `POST /leads` remain for integrations.",
        params: consultationIdParamsSchema,
        headers: finishConsultationHeadersSchema,
        body: finishConsultationRequestSchema,
        response: {
          200: finishConsultationResponseSchema,
          ...problemResponses,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const agent = requirePermission(request, 'consultation:create');
      const result = await finishConsultation(
        ctx,
        agent,
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
        answerLocale(request, reply),
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.statusCode).send(result.value);
    },
  );

  r.get(
    '/api/v1/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary:
          'Consultations, newest first, a page at a time (cursor = the last page’s nextCursor); personal data masked',
        querystring: listConsultationsQuerySchema,
        response: { 200: consultationListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'consultation:read-own');
      return listConsultations(ctx, user, request.query);
    },
  );

  r.put(
    '/api/v1/consultations/:id/draft',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Save the work in progress of your own open consultation (path so far, type, typed fields)',
        description:
          'Encrypted at rest like the record. Kept only when `revision` is higher than the stored one (409 otherwise, so a stale tab cannot overwrite a newer draft); counts as activity (a consultation idle longer than IEUM_ABANDON_AFTER_MINUTES is abandoned). Your other tabs hear `consultation.draft-saved` on /api/v1/events.',
        params: consultationIdParamsSchema,
        body: saveConsultationDraftSchema,
        response: { 200: consultationDraftSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request) => {
      const agent = requirePermission(request, 'consultation:create');
      return saveConsultationDraft(ctx, agent, request.params.id, request.body);
    },
  );

  r.get(
    '/api/v1/consultations/:id/draft',
    {
      schema: {
        tags: ['consultations'],
        summary:
          'The saved draft of your own consultation, to resume it (revision 0 and draft null when none)',
        params: consultationIdParamsSchema,
        response: { 200: consultationDraftSchema, ...problemResponses },
      },
    },
    async (request) => {
      const agent = requirePermission(request, 'consultation:create');
      return getConsultationDraft(ctx, agent, request.params.id);
    },
  );

  r.get(
    '/api/v1/consultations/open',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Your consultations still in progress, newest first, with their drafts ("이어서 진행")',
        response: { 200: openConsultationListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const agent = requirePermission(request, 'consultation:create');
      return listOpenConsultations(ctx, agent);
    },
  );

  r.get(
    '/api/v1/consultations/:id',
    {
      schema: {
        tags: ['consultations'],
        summary: 'One consultation (masked)',
        params: consultationIdParamsSchema,
        response: { 200: consultationSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'consultation:read-own');
      return getConsultation(ctx, user, request.params.id);
    },
  );
}
