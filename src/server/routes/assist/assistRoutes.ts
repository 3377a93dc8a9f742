import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { suggestRequestSchema } from '../../../contract/assist/suggestRequestSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { searchGuides } from '../../services/assist/searchGuides.ts';
import { suggestInquiry } from '../../services/assist/suggestInquiry.ts';
import { problemResponses } from '../schemas.ts';

const hitSchema = z
  .object({
    guideId: z.string(),
    id: z.string(),
    kind: z.enum(['inquiry-type', 'script', 'sentence', 'message', 'policy']),
    title: z.string(),
    text: z.string(),
    scriptId: z.string().nullable().describe('The script Enter opens'),
    inquiryType: z.number().int().nullable(),
    score: z.number(),
    matched: z.object({
      kind: z.enum(['exact', 'spacing', 'choseong', 'jamo', 'fuzzy', 'latin']),
      snippet: z.string(),
      highlight: z.object({ start: z.number().int(), end: z.number().int() }),
    }),
  })
  .meta({ id: 'SearchHit' });

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
        querystring: z.object({
          q: z.string().trim().min(1, 'q를 입력하세요').max(100, 'q는 100자 이하입니다'),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ query: z.string(), results: z.array(hitSchema) }), ...problemResponses },
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
        summary: "Suggest the caller's inquiry type (1–9) and script from their words, best first",
        body: suggestRequestSchema.extend({
          guideId: z.string().min(1).max(100).default('business-inquiry'),
        }),
        response: {
          200: z.object({
            suggestions: z.array(
              z.object({
                inquiryType: z.number().int().min(1).max(9),
                scriptId: z.string(),
                label: z.string(),
                score: z.number(),
              }),
            ),
          }),
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
