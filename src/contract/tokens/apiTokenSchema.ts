import { z } from 'zod';

/** Whether a token still works: revoked and expired tokens are refused. */
export const apiTokenStatusSchema = z.enum(['active', 'expired', 'revoked']);

/** An API token as `GET /api/v1/tokens` lists it: never the token itself, only what identifies it. */
export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    userId: z.uuid(),
    userEmail: z.string(),
    userName: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('Last request made with it (to the minute)'),
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
    status: apiTokenStatusSchema,
  })
  .meta({ id: 'ApiToken' });

/** An API token as clients read it. */
export type ApiToken = z.output<typeof apiTokenSchema>;
