import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { preferencesSchema } from '../../../contract/users/preferencesSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requireUser } from '../../plugins/authentication.ts';
import { readPreferences } from '../../services/users/readPreferences.ts';
import { updatePreferences } from '../../services/users/updatePreferences.ts';
import { problemResponses } from '../schemas.ts';

/** The caller's own settings (UI language), for every signed-in user and API token. */
export async function preferenceRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/me/preferences',
    {
      schema: {
        tags: ['users'],
        summary: "The caller's own settings (UI language)",
        response: { 200: preferencesSchema, ...problemResponses },
      },
    },
    async (request) => readPreferences(ctx, requireUser(request).id),
  );
  r.put(
    '/api/v1/me/preferences',
    {
      schema: {
        tags: ['users'],
        summary:
          "Replace the caller's own settings (UI language: ko or en); the session answers them from then on",
        body: preferencesSchema,
        response: { 200: preferencesSchema, ...problemResponses },
      },
    },
    async (request) => updatePreferences(ctx, requireUser(request).id, request.body),
  );
}
