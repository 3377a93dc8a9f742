import { z } from 'zod';
import { maskedSubjectSchema } from './maskedSubjectSchema.ts';

/** Answer of `POST /api/v1/data-subjects/delete`: what was erased. */
export const dataSubjectDeletionSchema = z.object({
  subject: maskedSubjectSchema,
  erasedConsultations: z.array(z.uuid()),
  erasedLeads: z.array(z.uuid()).describe('Sign-up leads holding the phone or e-mail'),
  erasedTransfers: z.array(z.uuid()).describe('Transfers of those leads and of the consultations erased'),
  erasedCalls: z
    .array(z.uuid())
    .describe(
      'Phone calls (CTI, missed calls included) whose numbers were erased; an open callback closes with them',
    ),
});

/** What a deletion erased. */
export type DataSubjectDeletion = z.output<typeof dataSubjectDeletionSchema>;
