import { z } from 'zod';

/**
 * `GET /api/v1/users/{id}/open-items`: what disabling the account would leave behind — the open
 * (not closed) transfers and leads it holds, the calls or chats it has open, and whether it is the
 * last active business-team account.
 */
export const userOpenItemsSchema = z
  .object({
    transfers: z.number().int().describe('Open transfers (not leads) assigned to the account'),
    leads: z
      .number()
      .int()
      .describe('Open sign-up leads (their transfer not closed) assigned to the account'),
    consultationsInProgress: z
      .number()
      .int()
      .describe(
        'Calls or chats the account has open now (the person may be on the line): disabling ends its sessions, so they cannot be saved and are marked abandoned after IEUM_ABANDON_AFTER_MINUTES',
      ),
    lastActiveBusinessTeam: z
      .boolean()
      .describe('The account is the only active business-team (backoffice) account left'),
  })
  .meta({ id: 'UserOpenItems' });

/** The open items as clients read them. */
export type UserOpenItems = z.output<typeof userOpenItemsSchema>;
