import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { apiTokenIdParamsSchema } from '../../../contract/tokens/apiTokenIdParamsSchema.ts';
import { apiTokenListSchema } from '../../../contract/tokens/apiTokenListSchema.ts';
import { createApiTokenSchema } from '../../../contract/tokens/createApiTokenSchema.ts';
import { createdApiTokenSchema } from '../../../contract/tokens/createdApiTokenSchema.ts';
import { listApiTokensQuerySchema } from '../../../contract/tokens/listApiTokensQuerySchema.ts';
import { accountListSchema } from '../../../contract/users/accountListSchema.ts';
import { accountSchema } from '../../../contract/users/accountSchema.ts';
import { createUserSchema } from '../../../contract/users/createUserSchema.ts';
import { handedOverOpenItemsSchema } from '../../../contract/users/handedOverOpenItemsSchema.ts';
import { handOverOpenItemsSchema } from '../../../contract/users/handOverOpenItemsSchema.ts';
import { setUserDisabledSchema } from '../../../contract/users/setUserDisabledSchema.ts';
import { updatedAccountSchema } from '../../../contract/users/updatedAccountSchema.ts';
import { userIdParamsSchema } from '../../../contract/users/userIdParamsSchema.ts';
import { userOpenItemsSchema } from '../../../contract/users/userOpenItemsSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission, requireUser } from '../../plugins/authentication.ts';
import { countUserOpenItems } from '../../services/users/countUserOpenItems.ts';
import { createApiToken } from '../../services/users/createApiToken.ts';
import { createUser } from '../../services/users/createUser.ts';
import { handOverDisabledAccountItems } from '../../services/users/handOverDisabledAccountItems.ts';
import { listApiTokens } from '../../services/users/listApiTokens.ts';
import { listUsers } from '../../services/users/listUsers.ts';
import { revokeApiToken } from '../../services/users/revokeApiToken.ts';
import { updateUser } from '../../services/users/updateUser.ts';
import { problemResponses } from '../schemas.ts';

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
        response: { 200: accountListSchema, ...problemResponses },
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
        summary: 'Create an account (one per person), optionally with its phone extension',
        body: createUserSchema,
        response: { 201: accountSchema, ...problemResponses, 409: problemSchema },
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
        summary:
          'Disable an account (access ends at once; records keep pointing at it) or enable it again; set or clear its phone extension (CTI screen pops)',
        description:
          "With `disabled: true`, `openItems` hands the open transfers and leads the account holds over in the same transaction: `rotation` (the next member on duty of each inquiry type, else unassigned) or `unassigned`; the answer's `openItemsMoved` says how many went where. Without it they stay with the account, flagged in the queue (`assignee.disabled`). `GET /api/v1/users/{id}/open-items` counts them first.",
        params: userIdParamsSchema,
        body: setUserDisabledSchema,
        response: { 200: updatedAccountSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request) => {
      const admin = requirePermission(request, 'user:manage');
      return updateUser(ctx, request.params.id, request.body, { ...admin, ip: request.ip });
    },
  );
  r.get(
    '/api/v1/users/:id/open-items',
    {
      schema: {
        tags: ['users'],
        summary:
          'What disabling the account would leave behind: the open transfers and leads it holds, and whether it is the last active business-team account',
        params: userIdParamsSchema,
        response: { 200: userOpenItemsSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'user:read');
      return countUserOpenItems(ctx, request.params.id);
    },
  );
  r.post(
    '/api/v1/users/:id/open-items/hand-over',
    {
      schema: {
        tags: ['users'],
        summary:
          'Hand over the open transfers and leads a disabled account still holds: back in rotation or unassigned',
        description:
          'For an account disabled without `openItems`, or given work since: the same choice as disabling with `openItems` (`rotation`: the next member on duty of each inquiry type, else unassigned; `unassigned`), in one transaction, logged. An active account is 409: hand its work over as you disable it (PATCH /api/v1/users/{id}).',
        params: userIdParamsSchema,
        body: handOverOpenItemsSchema,
        response: { 200: handedOverOpenItemsSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request) => {
      const admin = requirePermission(request, 'user:manage');
      return handOverDisabledAccountItems(ctx, request.params.id, request.body, { ...admin, ip: request.ip });
    },
  );
  r.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an API token acting as yourself (shown once), optionally expiring',
        body: createApiTokenSchema,
        response: { 201: createdApiTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'token:create-own');
      const user = requireUser(request);
      const created = await createApiToken(
        ctx,
        { email: user.email, ...request.body },
        { id: user.id, ip: request.ip },
      );
      return reply
        .code(201)
        .send({ id: created.id, token: created.token, expiresAt: created.expiresAt?.toISOString() ?? null });
    },
  );
  r.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'List API tokens (yours; every account’s for admins) with last use, expiry and revocation',
        querystring: listApiTokensQuerySchema,
        response: { 200: apiTokenListSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'token:create-own');
      return { items: await listApiTokens(ctx, requireUser(request), request.query) };
    },
  );
  r.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags: ['users'],
        summary:
          'Revoke an API token (yours; anyone’s for admins); it stops working at once on every instance',
        params: apiTokenIdParamsSchema,
        response: { 204: z.undefined().describe('Revoked'), ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'token:create-own');
      await revokeApiToken(ctx, request.params, { user: requireUser(request), ip: request.ip });
      return reply.code(204).send();
    },
  );
}
