import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission, requireUser } from '../../plugins/authentication.ts';
import { createApiToken } from '../../services/users/createApiToken.ts';
import { createUser, newUserSchema } from '../../services/users/createUser.ts';
import { listUsers } from '../../services/users/listUsers.ts';
import { setUserDisabled } from '../../services/users/setUserDisabled.ts';
import { problemResponses, userSchema } from '../schemas.ts';

const accountSchema = userSchema
  .extend({ disabled: z.boolean().describe('A disabled account cannot sign in or use its tokens') })
  .meta({ id: 'Account' });

/** Accounts (admin) and integration tokens. */
export async function userRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List accounts',
        response: { 200: z.object({ items: z.array(accountSchema) }), ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'user:read');
      return { items: await listUsers(ctx) };
    },
  );
  r.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account (one per person)',
        body: newUserSchema,
        response: { 201: userSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const admin = requirePermission(request, 'user:manage');
      return reply.code(201).send(await createUser(ctx, request.body, { id: admin.id, ip: request.ip }));
    },
  );
  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable an account (access ends at once; records keep pointing at it) or enable it again',
        params: z.object({ id: z.uuid('사용자 id 형식이 올바르지 않습니다') }),
        body: z.object({ disabled: z.boolean() }),
        response: { 200: accountSchema, ...problemResponses },
      },
    },
    async (request) => {
      const admin = requirePermission(request, 'user:manage');
      return setUserDisabled(
        ctx,
        { id: request.params.id, disabled: request.body.disabled },
        { id: admin.id, ip: request.ip },
      );
    },
  );
  r.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an API token acting as yourself (shown once)',
        body: z.object({ name: z.string().trim().min(1).max(100).default('integration') }),
        response: { 201: z.object({ id: z.uuid(), token: z.string() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'token:create-own');
      const user = requireUser(request);
      const created = await createApiToken(
        ctx,
        { email: user.email, name: request.body.name },
        { id: user.id, ip: request.ip },
      );
      return reply.code(201).send({ id: created.id, token: created.token });
    },
  );
}
