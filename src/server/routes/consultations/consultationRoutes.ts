import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import {
  completeConsultation,
  completeConsultationSchema,
} from '../../services/consultations/completeConsultation.ts';
import { getConsultation } from '../../services/consultations/getConsultation.ts';
import { listConsultations } from '../../services/consultations/listConsultations.ts';
import { startConsultation } from '../../services/consultations/startConsultation.ts';
import { problemResponses, problemSchema } from '../schemas.ts';

const consultationSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(['call', 'chat']),
    callerNumber: z
      .string()
      .nullable()
      .describe('Masked (010-****-5678) except in the reply to its own agent'),
    status: z.enum(['open', 'completed']),
    guideId: z.string(),
    guideVersion: z.string().describe('The guide content version the agent read'),
    scriptId: z.string().nullable(),
    inquiryType: z.number().int().nullable(),
    history: z.array(z.object({ nodeId: z.string(), answer: z.string() })),
    outcome: z.string().nullable(),
    businessHoursOpen: z.boolean().nullable(),
    record: z.object({ category: z.string(), title: z.string(), body: z.string() }).nullable(),
    agent: z.object({ id: z.uuid(), name: z.string() }),
    startedAt: z.string(),
    completedAt: z.string().nullable(),
    personalDataErasedAt: z
      .string()
      .nullable()
      .describe('When retention or a data-subject request erased the personal fields'),
  })
  .meta({ id: 'Consultation' });

const idParams = z.object({ id: z.uuid('상담 id 형식이 올바르지 않습니다') });

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
        body: z.object({
          channel: z.enum(['call', 'chat']),
          callerNumber: z
            .string()
            .max(40)
            .optional()
            .describe('Caller number from the phone system (CTI); optional'),
          guideId: z.string().min(1).max(100).default('business-inquiry'),
        }),
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
        params: idParams,
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
        querystring: z.object({
          scope: z.enum(['mine', 'all']).default('mine'),
          limit: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: z.object({ items: z.array(consultationSchema) }), ...problemResponses },
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
        params: idParams,
        response: { 200: consultationSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'consultation:read-own');
      return getConsultation(ctx, user, request.params.id);
    },
  );
}
