import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { firstRunChecklistSchema } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import { firstRunStepParamsSchema } from '../../../contract/firstRun/firstRunStepParamsSchema.ts';
import { sendTestMailSchema } from '../../../contract/firstRun/sendTestMailSchema.ts';
import { updateFirstRunStepSchema } from '../../../contract/firstRun/updateFirstRunStepSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { getFirstRunChecklist } from '../../services/firstRun/getFirstRunChecklist.ts';
import { sendSetupTestMail } from '../../services/firstRun/sendSetupTestMail.ts';
import { updateFirstRunStep } from '../../services/firstRun/updateFirstRunStep.ts';
import { problemResponses } from '../schemas.ts';

/** The first-run checklist (처음 설정 점검): what is left to set up after the first admin. */
export async function firstRunRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/first-run',
    {
      schema: {
        tags: ['first-run'],
        summary: 'The first-run checklist, each step done, to do or skipped as the data stands (admin)',
        response: { 200: firstRunChecklistSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'first-run:manage');
      return getFirstRunChecklist(ctx, answerLocale(request, reply));
    },
  );

  r.patch(
    '/api/v1/first-run/steps/:step',
    {
      schema: {
        tags: ['first-run'],
        summary: 'Skip a checklist step (or take the skip back), or mark the closures reviewed (admin)',
        params: firstRunStepParamsSchema,
        body: updateFirstRunStepSchema,
        response: { 200: firstRunChecklistSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'first-run:manage');
      return updateFirstRunStep(ctx, user, request.params.step, request.body, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/first-run/test-mail',
    {
      schema: {
        tags: ['first-run'],
        summary: 'Send the SMTP test mail through the outbox; the checklist follows its delivery (admin)',
        description:
          'Answers 202 with the checklist once the mail is queued; the delivery job sends it after the commit. 409 while SMTP_URL is not set.',
        body: sendTestMailSchema,
        response: { 202: firstRunChecklistSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'first-run:manage');
      return reply
        .code(202)
        .send(await sendSetupTestMail(ctx, user, request.body, answerLocale(request, reply)));
    },
  );
}
