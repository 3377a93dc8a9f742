import { z } from 'zod';
import { webhookDeliverySchema } from './webhookDeliverySchema.ts';

/** `GET /api/v1/webhook-deliveries`: the delivery log, newest first. */
export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });
