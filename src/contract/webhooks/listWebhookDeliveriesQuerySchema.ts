import { z } from 'zod';

/** Query of `GET /api/v1/webhook-deliveries`. */
export const listWebhookDeliveriesQuerySchema = z.object({
  subscriptionId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Parsed delivery-log query. */
export type ListWebhookDeliveriesQuery = z.output<typeof listWebhookDeliveriesQuerySchema>;
