import { z } from 'zod';

/** The sign-up brochure now attached to brochure e-mails: uploaded or the shipped default (never its bytes). */
export const brochureInfoSchema = z
  .object({
    source: z.enum(['uploaded', 'default']),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string().nullable(),
    reattachedUnsentEmails: z
      .number()
      .int()
      .optional()
      .describe('Answer to a replacement only: brochure e-mails not sent yet that now attach this one'),
  })
  .meta({ id: 'BrochureInfo' });

/** The brochure as clients read it. */
export type BrochureInfo = z.output<typeof brochureInfoSchema>;
