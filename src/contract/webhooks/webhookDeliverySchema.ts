import { z } from 'zod';

/**
 * One delivery in the webhook log. The body is left out: with `includePersonalData` it carries
 * contact details in clear, and the log is for diagnosing delivery, not for reading transfers.
 */
export const webhookDeliverySchema = z
  .object({
    id: z.uuid().describe('Sent as X-Ieum-Delivery'),
    subscriptionId: z.uuid(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    responseCode: z.number().int().nullable(),
    createdAt: z.string(),
    lastAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

/** A delivery as clients read it. */
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;
