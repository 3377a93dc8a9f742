import { z } from 'zod';

/** One access-log (접속기록) entry. */
export const accessLogEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z
      .object({
        id: z.string(),
        email: z.string().nullable(),
        name: z.string().nullable(),
        role: z.string().nullable(),
      })
      .nullable(),
    action: z.string(),
    subject: z.string().nullable(),
    subjectIndex: z.string().nullable().describe('Blind index (keyed hash) of the subject’s phone or email'),
    ip: z.string().nullable(),
    reason: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    hash: z.string().nullable(),
  })
  .meta({ id: 'AccessLogEntry' });

/** An entry as clients read it. */
export type AccessLogEntry = z.output<typeof accessLogEntrySchema>;
