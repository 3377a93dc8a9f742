import { z } from 'zod';

/** A sign-up lead as data-subject answers show it (masked in a search, clear in an export). */
export const subjectLeadSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  transferId: z.uuid(),
  consultationId: z.uuid().nullable(),
  status: z.string(),
  companyName: z.string(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  businessNumber: z.string().nullable(),
  createdAt: z.string(),
  retentionEndsAt: z.string(),
  personalDataErasedAt: z.string().nullable(),
});

/** A lead in a data-subject answer. */
export type SubjectLead = z.output<typeof subjectLeadSchema>;
