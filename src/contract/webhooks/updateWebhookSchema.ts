import { z } from 'zod';
import { createWebhookSchema } from './createWebhookSchema.ts';

/** Body of `PATCH /api/v1/webhooks/{id}`: any field of a subscription, or a new secret. */
export const updateWebhookSchema = createWebhookSchema
  .omit({ secret: true })
  .partial()
  .extend({
    rotateSecret: z.boolean().optional().describe('Generate a new secret (shown once in the reply)'),
  });

/** Parsed subscription change. */
export type UpdateWebhookInput = z.output<typeof updateWebhookSchema>;
