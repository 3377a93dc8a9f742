import { z } from 'zod';

/**
 * How many open items a closure added (or removed) moved: due times on the business calendar from
 * its day on, re-timed in the closure's transaction as if the calendar had always been so.
 */
export const retimedItemsSchema = z
  .object({
    transfers: z.number().int().describe('Transfers not contacted or closed whose due time moved'),
    retries: z.number().int().describe('연락불가 transfers whose retry time moved'),
    leadCallbacks: z.number().int().describe('Sign-up leads whose callback (OB) due time moved'),
    missedCallbacks: z.number().int().describe('Missed calls whose callback due time moved'),
  })
  .meta({ id: 'RetimedItems' });

/** The counts as clients read them. */
export type RetimedItems = z.output<typeof retimedItemsSchema>;
