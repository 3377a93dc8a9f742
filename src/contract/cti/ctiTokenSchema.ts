import { z } from 'zod';

/** A CTI token as admins list it (never the token itself). */
export const ctiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['active', 'revoked']),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'CtiToken' });

/** A CTI token as clients read it. */
export type CtiToken = z.output<typeof ctiTokenSchema>;
