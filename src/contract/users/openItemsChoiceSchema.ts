import { z } from 'zod';

/**
 * What disabling an account does with the open transfers and leads it holds: `rotation` gives each
 * to the next member on duty in its inquiry type's rotation (unassigned when nobody is),
 * `unassigned` puts each back in the queue with no assignee.
 */
export const openItemsChoiceSchema = z
  .enum(['rotation', 'unassigned'])
  .describe(
    "With disabled: true, what to do with the open transfers and leads the account holds: 'rotation' (the next member on duty of each inquiry type, else unassigned) or 'unassigned'. Absent: they stay with the account, flagged as held by a disabled person.",
  );

/** A choice of what becomes of a disabled account's open items. */
export type OpenItemsChoice = z.output<typeof openItemsChoiceSchema>;
