import { z } from 'zod';
import { consultationSchema } from '../consultations/consultationSchema.ts';
import { consentRecordSchema } from './consentRecordSchema.ts';
import { maskedSubjectSchema } from './maskedSubjectSchema.ts';
import { subjectCallSchema } from './subjectCallSchema.ts';
import { subjectDirectoryContactSchema } from './subjectDirectoryContactSchema.ts';
import { subjectLeadSchema } from './subjectLeadSchema.ts';
import { subjectMentionSchema } from './subjectMentionSchema.ts';
import { subjectTransferSchema } from './subjectTransferSchema.ts';

/** Answer of `POST /api/v1/data-subjects/find`: everything held about one person, masked. */
export const dataSubjectFindingsSchema = z.object({
  subject: maskedSubjectSchema,
  consultations: z.array(consultationSchema),
  consentRecords: z.array(consentRecordSchema),
  leads: z.array(subjectLeadSchema).describe('Sign-up leads holding it (masked)'),
  transfers: z
    .array(subjectTransferSchema)
    .describe('Transfers filed from those consultations and leads (masked)'),
  directoryContacts: z
    .array(subjectDirectoryContactSchema)
    .describe('Registrations in the business directory holding it (masked; the export shows them in clear)'),
  calls: z
    .array(subjectCallSchema)
    .describe(
      'Phone calls the PBX reported from or to the number, missed calls included (masked), newest first',
    ),
  mentions: z
    .array(subjectMentionSchema)
    .describe(
      'Other rows whose text names the person — comments and notes (on these transfers and leads or on others), chats, e-mails, webhook deliveries: where, not what; the delete redacts them',
    ),
});

/** The findings as clients read them. */
export type DataSubjectFindings = z.output<typeof dataSubjectFindingsSchema>;
