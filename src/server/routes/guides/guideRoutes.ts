import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { guideIdParamsSchema } from '../../../contract/guides/guideIdParamsSchema.ts';
import { guideListSchema } from '../../../contract/guides/guideListSchema.ts';
import { guideVersionListSchema } from '../../../contract/guides/guideVersionListSchema.ts';
import { guideVersionQuerySchema } from '../../../contract/guides/guideVersionQuerySchema.ts';
import { guideSchema } from '../../../domain/guide/guideSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { findGuideVersion } from '../../services/guides/findGuideVersion.ts';
import { listGuideVersions } from '../../services/guides/listGuideVersions.ts';
import { problemResponses } from '../schemas.ts';

/** The loaded guides: a list, and each whole document as JSON (scripts, types, templates). */
export async function guideRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
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
      const { guides } = options.ctx;
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
        summary:
          'One guide as JSON (the document validated at load); `version` for an earlier one a call in progress started on',
        params: guideIdParamsSchema,
        querystring: guideVersionQuerySchema,
        response: { 200: guideSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'guide:read');
      const { id } = request.params;
      const guide = options.ctx.guides.get(id);
      if (!guide)
        throw new AppError('not-found', msg('common.guideNotFound', { id }), [
          { where: '/id', message: msg('common.notFound') },
        ]);
      const { version } = request.query;
      if (version === undefined || version === guide.version) return guide;
      const earlier = await findGuideVersion(options.ctx, options.ctx.database.db, id, version);
      if (!earlier)
        throw new AppError('not-found', msg('common.guideVersionNotFound', { id, version }), [
          { where: 'querystring/version', message: msg('common.guideVersionNotFoundDetail') },
        ]);
      return earlier;
    },
  );
  r.get(
    '/api/v1/guides/:id/versions',
    {
      schema: {
        tags: ['guides'],
        summary:
          "A guide's versions kept here (every one a server loaded), newest first, with the consultations in progress on each",
        params: guideIdParamsSchema,
        response: { 200: guideVersionListSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'guide:read');
      return { items: await listGuideVersions(options.ctx, request.params.id) };
    },
  );
}
