import { z } from 'zod';

/** A webhook subscription as admins see it: the secret only right after it was created or rotated. */
export const webhookSubscriptionSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    description: z.string(),
    active: z.boolean(),
    includePersonalData: z.boolean(),
    secretHint: z.string(),
    secret: z.string().optional().describe('Only in the reply that created or rotated it'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookSubscription' });

/** A subscription as clients read it. */
export type WebhookSubscription = z.output<typeof webhookSubscriptionSchema>;
