import { z } from 'zod';

/** How many open transfers and leads a hand-over took off an account, by kind and by where each went. */
export const openItemsMovedSchema = z.object({
  transfers: z.number().int().describe('Open transfers (not leads) taken off the account'),
  leads: z.number().int().describe('Open sign-up leads taken off the account'),
  reassigned: z.number().int().describe('Of those, given to a member on duty by rotation'),
  unassigned: z.number().int().describe('Of those, left unassigned in the queue'),
});

/** A hand-over's counts as clients read them. */
export type OpenItemsMoved = z.output<typeof openItemsMovedSchema>;
