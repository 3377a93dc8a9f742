import { z } from 'zod';
import { consultationDraftContentSchema } from './consultationDraftContentSchema.ts';

/**
 * Body of `PUT /api/v1/consultations/{id}/draft`. `revision` orders writes: the server keeps a
 * write only when its revision is higher than the stored one, so a stale tab (or a delayed request)
 * can never overwrite a newer draft. A client resuming a draft continues from its revision + 1.
 */
export const saveConsultationDraftSchema = z.object({
  revision: z.number().int().min(1).max(2_147_483_647),
  draft: consultationDraftContentSchema,
});

/** Parsed body of a draft save. */
export type SaveConsultationDraftInput = z.output<typeof saveConsultationDraftSchema>;
