import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consultationIdParamsSchema } from '../../../contract/consultations/consultationIdParamsSchema.ts';
import { consultationStatusSchema } from '../../../contract/consultations/consultationStatusSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { FakeClock } from '../../createFakeClock.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { requireUser } from '../../plugins/authentication.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { abandonIdleConsultations } from '../../services/consultations/abandonIdleConsultations.ts';
import { problemResponses } from '../schemas.ts';

/**
 * Test-only: make a consultation idle, or move the fake clock forward, and run the idle sweep at
 * once, so end-to-end tests make an idle consultation abandoned deterministically. Registered only
 * when the server runs on IEUM_FAKE_NOW (see startServer); it does not exist in production.
 */
export async function testClockRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; clock: FakeClock },
): Promise<void> {
  const { ctx, clock } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Moves one consultation's last activity into the past instead of the whole server's clock, so
  // other calls in progress (and business hours) are untouched: the way for Playwright specs that
  // share a server.
  r.post(
    '/api/v1/test/consultations/:id/idle',
    {
      schema: {
        tags: ['test'],
        summary:
          'Test servers only (IEUM_FAKE_NOW): make one consultation idle for `minutes` and run the idle-consultation sweep',
        params: consultationIdParamsSchema,
        body: z.object({
          minutes: z
            .number()
            .int()
            .min(0)
            .max(60 * 24 * 366),
        }),
        response: {
          200: z.object({ status: consultationStatusSchema, abandoned: z.number().int() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const found = await consultationRepository.findOwner(ctx.database.db, id);
      if (!found || found.agentId !== user.id) {
        throw new AppError('not-found', msg('common.consultationNotFound', { id }));
      }
      await consultationRepository.backdateActivity(ctx.database.db, id, request.body.minutes);
      const abandoned = await abandonIdleConsultations(ctx);
      const after = await consultationRepository.findOwner(ctx.database.db, id);
      return { status: after?.status ?? found.status, abandoned };
    },
  );

  r.post(
    '/api/v1/test/clock',
    {
      schema: {
        tags: ['test'],
        summary:
          'Test servers only (IEUM_FAKE_NOW): move the clock forward and run the idle-consultation sweep',
        body: z.object({
          advanceMinutes: z
            .number()
            .int()
            .min(0)
            .max(60 * 24 * 366),
        }),
        response: {
          200: z.object({ now: z.string(), abandoned: z.number().int() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      requireUser(request);
      clock.advance(request.body.advanceMinutes * 60_000);
      const abandoned = await abandonIdleConsultations(ctx);
      return { now: ctx.now().toISOString(), abandoned };
    },
  );
}
