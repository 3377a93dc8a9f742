import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestInstantSchema } from '../../../contract/common/requestDateSchemas.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { getBusinessHours } from '../../services/calendar/getBusinessHours.ts';
import { problemResponses } from '../schemas.ts';

const businessHoursSchema = z
  .object({
    open: z.boolean(),
    reason: z.enum(['open', 'weekend', 'holiday', 'closure', 'before-hours', 'after-hours']),
    holiday: z.string().nullable().describe('Holiday or closure name(s) of that day, if any'),
    nextOpenAt: z.string().describe('ISO-8601 with +09:00; equals `at` when open'),
    holidayDataMissing: z.boolean().describe('True when no public-holiday data exists for a year involved'),
  })
  .meta({ id: 'BusinessHours' });

/** GET /api/v1/business-hours: the live business-hours state in Asia/Seoul. */
export async function businessHoursRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/business-hours',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Open or closed at an instant (weekdays 09:00–18:00 Asia/Seoul, holidays and closures excluded)',
        querystring: z.object({
          at: requestInstantSchema(
            'at must be an ISO-8601 instant, e.g. 2026-11-25T10:00:00+09:00',
          ).optional(),
        }),
        response: { 200: businessHoursSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'business-hours:read');
      return getBusinessHours(options.ctx, request.query.at ? new Date(request.query.at) : undefined);
    },
  );
}
