import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createWebhookSchema } from '../../../contract/webhooks/createWebhookSchema.ts';
import { listWebhookDeliveriesQuerySchema } from '../../../contract/webhooks/listWebhookDeliveriesQuerySchema.ts';
import { updateWebhookSchema } from '../../../contract/webhooks/updateWebhookSchema.ts';
import { webhookDeliveryListSchema } from '../../../contract/webhooks/webhookDeliveryListSchema.ts';
import { webhookIdParamsSchema } from '../../../contract/webhooks/webhookIdParamsSchema.ts';
import { webhookSubscriptionListSchema } from '../../../contract/webhooks/webhookSubscriptionListSchema.ts';
import { webhookSubscriptionSchema } from '../../../contract/webhooks/webhookSubscriptionSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { listWebhookDeliveries } from '../../services/webhooks/listWebhookDeliveries.ts';
import { manageWebhookSubscriptions } from '../../services/webhooks/manageWebhookSubscriptions.ts';
import { problemResponses } from '../schemas.ts';

/**
 * Outbound webhooks (admin): subscriptions and the delivery log. Each delivery is a JSON POST
 * signed with `X-Ieum-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, with `X-Ieum-Event` and
 * `X-Ieum-Delivery` (de-duplicate on it), retried with backoff until the receiver answers 2xx.
 */
export async function webhookRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'List webhook subscriptions',
        response: { 200: webhookSubscriptionListSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'webhook:manage');
      return { items: await manageWebhookSubscriptions.list(ctx) };
    },
  );

  r.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Subscribe a URL to transfer events (the secret is shown once, in this reply)',
        body: createWebhookSchema,
        response: { 201: webhookSubscriptionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'webhook:manage');
      return reply.code(201).send(await manageWebhookSubscriptions.create(ctx, user.id, request.body));
    },
  );

  r.patch(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Change a subscription (URL, events, active) or rotate its secret',
        params: webhookIdParamsSchema,
        body: updateWebhookSchema,
        response: { 200: webhookSubscriptionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'webhook:manage');
      return manageWebhookSubscriptions.update(ctx, user.id, request.params.id, request.body);
    },
  );

  r.delete(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Delete a subscription (pending deliveries are dropped)',
        params: webhookIdParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'webhook:manage');
      await manageWebhookSubscriptions.remove(ctx, user.id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/webhook-deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The delivery log, newest first: status, attempts, last error, response code',
        querystring: listWebhookDeliveriesQuerySchema,
        response: { 200: webhookDeliveryListSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'webhook:manage');
      return { items: await listWebhookDeliveries(ctx, request.query, answerLocale(request, reply)) };
    },
  );
}
