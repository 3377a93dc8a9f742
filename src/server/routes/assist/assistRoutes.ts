import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inquirySuggestionsSchema } from '../../../contract/assist/inquirySuggestionsSchema.ts';
import { searchQuerySchema } from '../../../contract/assist/searchQuerySchema.ts';
import { searchResultsSchema } from '../../../contract/assist/searchResultsSchema.ts';
import { suggestInquiryRequestSchema } from '../../../contract/assist/suggestInquiryRequestSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { searchGuides } from '../../services/assist/searchGuides.ts';
import { suggestInquiry } from '../../services/assist/suggestInquiry.ts';
import { problemResponses } from '../schemas.ts';

/** Korean search across guides and inquiry-type suggestion from the caller's words. */
export async function assistRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['assist'],
        summary:
          'Search guides: types, scripts, sentences, messages, policies (초성, spacing and typo tolerant)',
        querystring: searchQuerySchema,
        response: { 200: searchResultsSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'guide:read');
      return { query: request.query.q, results: searchGuides(ctx, request.query.q, request.query.limit) };
    },
  );
  r.post(
    '/api/v1/assist/suggest',
    {
      schema: {
        tags: ['assist'],
        summary: "Suggest the caller's inquiry type and script from their words, best first",
        body: suggestInquiryRequestSchema,
        response: {
          200: inquirySuggestionsSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      requirePermission(request, 'guide:read');
      return { suggestions: suggestInquiry(ctx, request.body.text, request.body.guideId) };
    },
  );
}
