import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { businessHoursQuerySchema } from '../../../contract/business-hours/businessHoursQuerySchema.ts';
import { businessHoursSchema } from '../../../contract/business-hours/businessHoursSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { getBusinessHours } from '../../services/calendar/getBusinessHours.ts';
import { problemResponses } from '../schemas.ts';

/** GET /api/v1/business-hours: the live business-hours state in Asia/Seoul. */
export async function businessHoursRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/business-hours',
    {
      schema: {
        tags: ['calendar'],
        summary:
          "Open or closed at an instant by a guide's support-line hours (its `supportLine.hours`, Asia/Seoul), holidays and closures excluded; the answer names the line and its hours",
        querystring: businessHoursQuerySchema,
        response: { 200: businessHoursSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'business-hours:read');
      const { at, guideId } = request.query;
      return getBusinessHours(options.ctx, { at: at ? new Date(at) : undefined, guideId });
    },
  );
}
