import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';
import { transferKindSchema } from '../transfers/transferKindSchema.ts';

/** A transfer as data-subject answers show it (masked in a search, clear in an export). */
export const subjectTransferSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: transferKindSchema,
  leadId: z.uuid().nullable(),
  consultationId: z.uuid().nullable(),
  inquiryType: z.number().int(),
  channel: channelSchema,
  status: z.string(),
  companyName: z.string(),
  contactName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  inquiry: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  personalDataErasedAt: z.string().nullable(),
});

/** A transfer in a data-subject answer. */
export type SubjectTransfer = z.output<typeof subjectTransferSchema>;
