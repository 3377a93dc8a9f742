import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { listWebhookDeliveries } from '../../services/webhooks/listWebhookDeliveries.ts';
import {
  createWebhookSchema,
  manageWebhookSubscriptions,
  updateWebhookSchema,
} from '../../services/webhooks/manageWebhookSubscriptions.ts';
import { problemResponses } from '../schemas.ts';
import { webhookDeliverySchema, webhookSubscriptionSchema } from './transferSchemas.ts';

const idParams = z.object({ id: z.uuid('웹훅 id 형식이 올바르지 않습니다') });

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
        response: { 200: z.object({ items: z.array(webhookSubscriptionSchema) }), ...problemResponses },
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
        params: idParams,
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
        params: idParams,
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
        querystring: z.object({
          subscriptionId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(webhookDeliverySchema) }), ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'webhook:manage');
      return { items: await listWebhookDeliveries(ctx, request.query) };
    },
  );
}
