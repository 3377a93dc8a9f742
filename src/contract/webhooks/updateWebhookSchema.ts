import { z } from 'zod';
import { createWebhookSchema } from './createWebhookSchema.ts';

const fields = createWebhookSchema.shape;

/**
 * Body of `PATCH /api/v1/webhooks/{id}`: the fields to change, a secret of your own, or a new
 * generated one. A field left out keeps its value: the create's defaults (active, no personal
 * data, no description) are not applied here — they turned a paused or trusted subscription back
 * on or masked whenever any other field was changed.
 */
export const updateWebhookSchema = z
  .object({
    url: fields.url.optional(),
    eventTypes: fields.eventTypes.optional(),
    description: fields.description.unwrap().optional(),
    active: fields.active.unwrap().optional(),
    includePersonalData: fields.includePersonalData.unwrap().optional(),
    secret: fields.secret.describe(
      'A secret of your own (≥ 16 characters) from now on; shown once in the reply, like a generated one',
    ),
    rotateSecret: z.boolean().optional().describe('Generate a new secret (shown once in the reply)'),
  })
  .refine((body) => body.secret === undefined || body.rotateSecret !== true, {
    message: 'secret과 rotateSecret 중 하나만 보내세요',
    params: { messageKey: 'validation.secretOrRotate' },
    path: ['rotateSecret'],
  });

/** Parsed subscription change. */
export type UpdateWebhookInput = z.output<typeof updateWebhookSchema>;
