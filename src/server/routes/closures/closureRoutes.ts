import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addClosureSchema } from '../../../contract/closures/addClosureSchema.ts';
import { addedClosureSchema } from '../../../contract/closures/addedClosureSchema.ts';
import { closureIdParamsSchema } from '../../../contract/closures/closureIdParamsSchema.ts';
import { closureListSchema } from '../../../contract/closures/closureListSchema.ts';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { manageClosures } from '../../services/closures/manageClosures.ts';
import { problemResponses } from '../schemas.ts';

/** Company closures (admin-managed days the business calendar treats as closed). */
export async function closureRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/closures',
    {
      schema: {
        tags: ['calendar'],
        summary: 'List company closures',
        response: { 200: closureListSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'closure:read');
      return { items: await manageClosures.list(ctx) };
    },
  );
  r.post(
    '/api/v1/closures',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Add a closure or temporary holiday',
        description:
          'From today on (a past day is 400). A day already closed (weekend, public holiday) is added and named in `alreadyClosed`. In the same transaction the open work due from that day on is re-timed past it as if the day had always been closed — transfers not contacted (due time), 연락불가 retry times, lead callbacks, missed-call callbacks — each moved transfer with a `due-changed` history entry and `transfer.updated`, each lead with `lead.updated`; `retimed` counts them.',
        body: addClosureSchema,
        response: { 201: addedClosureSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'closure:manage');
      return reply.code(201).send(await manageClosures.add(ctx, user, request.body));
    },
  );
  r.delete(
    '/api/v1/closures/:id',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Remove a closure',
        description:
          'A closure from today on gives its day back: the open work due from that day on is re-timed in the same transaction (what its rule gives on the calendar without it; a time a person chose stays where the closure moved it). A past closure only leaves the list.',
        params: closureIdParamsSchema,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'closure:manage');
      await manageClosures.remove(ctx, user, request.params.id);
      return reply.code(204).send();
    },
  );
}
