import { z } from 'zod';
import { webhookSubscriptionSchema } from './webhookSubscriptionSchema.ts';

/** `GET /api/v1/webhooks`. */
export const webhookSubscriptionListSchema = z.object({ items: z.array(webhookSubscriptionSchema) });
