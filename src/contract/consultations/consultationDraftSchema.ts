import { z } from 'zod';
import { consultationDraftContentSchema } from './consultationDraftContentSchema.ts';

/** A consultation's saved draft as its own agent reads it (in clear: they typed it). */
export const consultationDraftSchema = z
  .object({
    consultationId: z.uuid(),
    revision: z.number().int().describe('0 while nothing was saved'),
    savedAt: z.string().nullable(),
    draft: consultationDraftContentSchema.nullable(),
  })
  .meta({ id: 'ConsultationDraft' });

/** A saved draft. */
export type ConsultationDraft = z.output<typeof consultationDraftSchema>;
