import { z } from 'zod';

/** `GET /api/v1/leads/{id}/email`: the brochure e-mail as the outbox holds it (recipient masked). */
export const leadEmailSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(
    z.object({
      filename: z.string(),
      contentType: z.string().nullable(),
      sizeBytes: z.number().int(),
    }),
  ),
  status: z.enum(['queued', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** The brochure e-mail as clients read it. */
export type LeadEmail = z.output<typeof leadEmailSchema>;
