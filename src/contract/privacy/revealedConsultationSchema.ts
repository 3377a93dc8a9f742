import { z } from 'zod';
import { revealableFieldSchema } from './revealableFieldSchema.ts';

/** Answer of `POST /api/v1/consultations/{id}/reveal`: the clear values, for this response only. */
export const revealedConsultationSchema = z.object({
  consultationId: z.uuid(),
  values: z.partialRecord(revealableFieldSchema, z.string().nullable()),
  personalDataErasedAt: z.string().nullable(),
});

/** Revealed values. */
export type RevealedConsultation = z.output<typeof revealedConsultationSchema>;
