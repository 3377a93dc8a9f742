import { z } from 'zod';
import { accountSchema } from './accountSchema.ts';

/**
 * An account in `GET /api/v1/users`, with the open transfers and leads it holds — what a disabled
 * account still holds is handed over from the admin screen
 * (POST /api/v1/users/{id}/open-items/hand-over).
 */
export const listedAccountSchema = accountSchema
  .extend({
    openItemsHeld: z
      .object({
        transfers: z.number().int().describe('Open transfers (not leads) assigned to the account'),
        leads: z.number().int().describe('Open sign-up leads (their transfer not closed) assigned to it'),
      })
      .describe('The open (not closed) work assigned to the account'),
  })
  .meta({ id: 'ListedAccount' });

/** A listed account as clients read it. */
export type ListedAccount = z.output<typeof listedAccountSchema>;
