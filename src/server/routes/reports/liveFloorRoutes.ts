import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { liveFloorSchema } from '../../../contract/reports/liveFloorSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { getLiveFloor } from '../../services/reports/getLiveFloor.ts';
import { problemResponses } from '../schemas.ts';

/** The supervisors' live floor: who is on a call, what waits for the business team, today's SLA breaches. */
export async function liveFloorRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/reports/floor',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Live floor: agents on a call, waiting transfers by type and age, oldest waiting, SLA breaches today',
        description:
          'Measured now, in business time (Asia/Seoul, weekdays 09–18, holidays and closures excluded); each figure carries its formula in Korean. No personal data. Supervisors and admins. Screens refetch it on the live events consultation.started, consultation.completed, consultation.abandoned, kakao.handoff-claimed, transfer.filed, transfer.updated and closure.changed (GET /api/v1/events).',
        response: { 200: liveFloorSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'floor:read');
      return getLiveFloor(ctx, answerLocale(request, reply));
    },
  );
}
