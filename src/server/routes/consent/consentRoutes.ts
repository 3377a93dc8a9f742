import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { consentDecisionRequestSchema } from '../../../contract/privacy/consentDecisionRequestSchema.ts';
import { consentDecisionSchema } from '../../../contract/privacy/consentDecisionSchema.ts';
import { decideConsent } from '../../../domain/consent/decideConsent.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { problemResponses } from '../schemas.ts';

/** The consent decision of the guide's section 3, per data item. */
export async function consentRoutes(app: FastifyInstance, _options: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/consent/decide',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Decide whether collecting these items needs the caller’s consent (guide section 3)',
        description:
          'Non-member: verifying identity without storing needs no consent, storing does. Member: re-collecting data already held needs none, newly collecting data not held does. Malformed input is a 400 naming the field (e.g. body/items/0/store).',
        body: consentDecisionRequestSchema,
        response: { 200: consentDecisionSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'consent:decide');
      const decision = decideConsent(request.body);
      return { consentRequired: decision.consentRequired, items: [...decision.items] };
    },
  );
}
