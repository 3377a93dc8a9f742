import { z } from 'zod';
import { webhookEventTypeSchema } from './webhookEventTypeSchema.ts';

const urlSchema = z.url({ protocol: /^https?$/, error: 'http:// 또는 https:// 주소를 입력하세요' }).max(2000);

/** Body of `POST /api/v1/webhooks`. */
export const createWebhookSchema = z.object({
  url: urlSchema,
  eventTypes: z.array(webhookEventTypeSchema).min(1, '받을 이벤트를 하나 이상 고르세요'),
  description: z.string().trim().max(200).default(''),
  active: z.boolean().default(true),
  includePersonalData: z
    .boolean()
    .default(false)
    .describe('Send contact name, phone and e-mail in clear (trusted receivers only); masked otherwise'),
  /** Optional: a secret of your own (≥ 16 characters); otherwise one is generated and shown once. */
  secret: z.string().min(16).max(200).optional(),
});

/** Parsed new subscription. */
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;
