import { z } from 'zod';

/**
 * `GET /api/v1/users/{id}/open-items`: what disabling the account would leave behind — the open
 * (not closed) transfers and leads it holds, and whether it is the last active business-team account.
 */
export const userOpenItemsSchema = z
  .object({
    transfers: z.number().int().describe('Open transfers (not leads) assigned to the account'),
    leads: z
      .number()
      .int()
      .describe('Open sign-up leads (their transfer not closed) assigned to the account'),
    lastActiveBusinessTeam: z
      .boolean()
      .describe('The account is the only active business-team (backoffice) account left'),
  })
  .meta({ id: 'UserOpenItems' });

/** The open items as clients read them. */
export type UserOpenItems = z.output<typeof userOpenItemsSchema>;
