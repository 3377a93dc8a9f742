import { z } from 'zod';
import { revealableFieldSchema, revealableFields } from './revealableFieldSchema.ts';

/** Body of `POST /api/v1/consultations/{id}/reveal`: why (kept in the access log) and which values. */
export const revealConsultationSchema = z.strictObject({
  reason: z
    .string({ error: 'reason(열람 사유)를 입력하세요' })
    .trim()
    .min(2, { error: 'reason(열람 사유)를 2자 이상 입력하세요' })
    .max(500, { error: 'reason은 500자 이하여야 합니다' }),
  fields: z
    .array(revealableFieldSchema)
    .min(1)
    .max(revealableFields.length)
    .optional()
    .describe('Which values to reveal; default all'),
});

/** Parsed reveal request. */
export type RevealConsultationInput = z.output<typeof revealConsultationSchema>;
