import { z } from 'zod';

/** `GET /api/v1/destruction-log`: recent destructions of personal data (what, when, why — never the values). */
export const destructionLogSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      recordKind: z.string(),
      recordId: z.string(),
      reason: z.string(),
      actorId: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** The destruction log as clients read it. */
export type DestructionLog = z.output<typeof destructionLogSchema>;
