import { z } from 'zod';
import { accountSchema } from './accountSchema.ts';

/**
 * Answer of `PATCH /api/v1/users/{id}`: the account, and — when the request said what to do with
 * its open items (`openItems`) — how many were moved, in the same transaction as the disable.
 */
export const updatedAccountSchema = accountSchema
  .extend({
    openItemsMoved: z
      .object({
        transfers: z.number().int().describe('Open transfers (not leads) taken off the account'),
        leads: z.number().int().describe('Open sign-up leads taken off the account'),
        reassigned: z.number().int().describe('Of those, given to a member on duty by rotation'),
        unassigned: z.number().int().describe('Of those, left unassigned in the queue'),
      })
      .optional()
      .describe('Present when the request carried openItems'),
  })
  .meta({ id: 'UpdatedAccount' });

/** The answer as clients read it. */
export type UpdatedAccount = z.output<typeof updatedAccountSchema>;
