import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { completeConsultationSchema } from '../../../contract/consultations/completeConsultationSchema.ts';
import { consultationIdParamsSchema } from '../../../contract/consultations/consultationIdParamsSchema.ts';
import { consultationListSchema } from '../../../contract/consultations/consultationListSchema.ts';
import { consultationSchema } from '../../../contract/consultations/consultationSchema.ts';
import { listConsultationsQuerySchema } from '../../../contract/consultations/listConsultationsQuerySchema.ts';
import { startConsultationSchema } from '../../../contract/consultations/startConsultationSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { completeConsultation } from '../../services/consultations/completeConsultation.ts';
import { getConsultation } from '../../services/consultations/getConsultation.ts';
import { listConsultations } from '../../services/consultations/listConsultations.ts';
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
        response: { 201: consultationSchema, ...problemResponses },
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

  r.get(
    '/api/v1/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Recent consultations, newest first (personal data masked)',
        querystring: listConsultationsQuerySchema,
        response: { 200: consultationListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'consultation:read-own');
      return { items: await listConsultations(ctx, user, request.query) };
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
