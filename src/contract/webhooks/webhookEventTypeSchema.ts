import { z } from 'zod';

/** Event types a webhook subscription can ask for (`*`: all of them). */
export const webhookEventTypeSchema = z.enum([
  'transfer.filed',
  'transfer.updated',
  'transfer.commented',
  '*',
]);

/** A webhook event type. */
export type WebhookEventType = z.output<typeof webhookEventTypeSchema>;
