import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { guideIdParamsSchema } from '../../../contract/guides/guideIdParamsSchema.ts';
import { guideListSchema } from '../../../contract/guides/guideListSchema.ts';
import { guideSchema } from '../../../domain/guide/guideSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { problemResponses } from '../schemas.ts';

/** The loaded guides: a list, and each whole document as JSON (scripts, types, templates). */
export async function guideRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { guides } = options.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/guides',
    {
      schema: {
        tags: ['guides'],
        summary: 'List guides',
        response: { 200: guideListSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'guide:read');
      const defaultId = guides.defaultGuide().id;
      return {
        items: guides.list().map(({ id, title, version, heading }) => ({
          id,
          title,
          version,
          heading,
          isDefault: id === defaultId,
        })),
      };
    },
  );
  r.get(
    '/api/v1/guides/:id',
    {
      schema: {
        tags: ['guides'],
        summary: 'One guide as JSON (the document validated at load)',
        params: guideIdParamsSchema,
        response: { 200: guideSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'guide:read');
      const guide = guides.get(request.params.id);
      if (!guide)
        throw new AppError('not-found', msg('common.guideNotFound', { id: request.params.id }), [
          { where: '/id', message: msg('common.notFound') },
        ]);
      return guide;
    },
  );
}
