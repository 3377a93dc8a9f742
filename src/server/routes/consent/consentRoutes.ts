import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { consentDecisionRequestSchema } from '../../../contract/privacy/consentDecisionRequestSchema.ts';
import { consentDecisionSchema } from '../../../contract/privacy/consentDecisionSchema.ts';
import { decideConsent } from '../../../domain/consent/decideConsent.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { problemResponses } from '../schemas.ts';

/** The consent decision of the guide's section 3, per data item. */
export async function consentRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/consent/decide',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Decide whether collecting these items needs the caller’s consent (guide section 3)',
        description:
          "By the guide's own rules (consentRule.rules of `guideId`, default the default guide). The business guide: non-member — verifying identity without storing needs no consent, storing does; member — re-collecting data already held needs none, newly collecting data not held does. A case the guide has no rule for needs consent. Malformed input is a 400 naming the field (e.g. body/items/0/store).",
        body: consentDecisionRequestSchema,
        response: { 200: consentDecisionSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'consent:decide');
      const { guideId, ...asked } = request.body;
      const guide = guideId === undefined ? ctx.guides.defaultGuide() : ctx.guides.get(guideId);
      if (!guide) {
        throw new AppError('validation-failed', msg('common.guideNotFound', { id: String(guideId) }), [
          { where: '/guideId', message: msg('common.guideNotFoundDetail') },
        ]);
      }
      const decision = decideConsent(guide.consentRule, asked);
      return { consentRequired: decision.consentRequired, items: [...decision.items] };
    },
  );
}
