import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';
import { consultationDraftContentSchema } from '../consultations/consultationDraftContentSchema.ts';
import { consentRecordSchema } from './consentRecordSchema.ts';
import { maskedSubjectSchema } from './maskedSubjectSchema.ts';
import { subjectCallSchema } from './subjectCallSchema.ts';
import { subjectDirectoryContactSchema } from './subjectDirectoryContactSchema.ts';
import { subjectLeadSchema } from './subjectLeadSchema.ts';
import { subjectMentionSchema } from './subjectMentionSchema.ts';
import { subjectTransferSchema } from './subjectTransferSchema.ts';

/** Answer of `POST /api/v1/data-subjects/export`: the JSON handed to a person who asked for their data, in clear. */
export const dataSubjectExportSchema = z.object({
  exportedAt: z.string(),
  subject: maskedSubjectSchema,
  consultations: z.array(
    z.object({
      id: z.uuid(),
      channel: channelSchema,
      startedAt: z.string(),
      completedAt: z.string().nullable(),
      category: z.string().nullable(),
      outcome: z.string().nullable(),
      callerNumber: z.string().nullable(),
      record: z.object({
        title: z.string().nullable(),
        body: z.string().nullable(),
        fields: z.record(z.string(), z.string()).nullable(),
      }),
      draft: consultationDraftContentSchema
        .nullable()
        .describe(
          'A call in progress: what the agent has typed so far (names, numbers), in clear; null when none',
        ),
      personalDataErasedAt: z.string().nullable(),
    }),
  ),
  consentRecords: z.array(consentRecordSchema),
  leads: z.array(subjectLeadSchema),
  transfers: z.array(subjectTransferSchema),
  /** The business directory's registrations holding the phone or e-mail (관리책임자 / 운영담당자). */
  directoryContacts: z.array(subjectDirectoryContactSchema),
  /** Phone calls the PBX reported from or to the number (missed calls included), numbers in clear. */
  calls: z.array(subjectCallSchema),
  mentions: z
    .array(subjectMentionSchema)
    .describe(
      'Other rows whose text names the person — comments and notes (on these transfers and leads or on others), chats, e-mails, webhook deliveries: where, not what; the delete redacts them',
    ),
});

/** The export as clients read it. */
export type DataSubjectExport = z.output<typeof dataSubjectExportSchema>;
