import type { z } from 'zod';
import { accountSchema } from './accountSchema.ts';
import { openItemsMovedSchema } from './openItemsMovedSchema.ts';

/**
 * Answer of `PATCH /api/v1/users/{id}`: the account, and — when the request said what to do with
 * its open items (`openItems`) — how many were moved, in the same transaction as the disable.
 */
export const updatedAccountSchema = accountSchema
  .extend({
    openItemsMoved: openItemsMovedSchema.optional().describe('Present when the request carried openItems'),
  })
  .meta({ id: 'UpdatedAccount' });

/** The answer as clients read it. */
export type UpdatedAccount = z.output<typeof updatedAccountSchema>;
