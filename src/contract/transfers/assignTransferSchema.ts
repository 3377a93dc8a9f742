import { z } from 'zod';

/** Body of `POST /api/v1/transfers/{id}/assign`. */
export const assignTransferSchema = z.object({
  assigneeId: z
    .union([z.uuid(), z.literal('me'), z.null()])
    .describe("A business-team member's id, 'me' to take it, or null to put it back unassigned"),
  expectedAssigneeId: z
    .union([z.uuid(), z.null()])
    .optional()
    .describe(
      'Refuse (409, naming who holds it now) unless the transfer is still held by this person (null: still unassigned) — so taking one a colleague took a moment ago is reported, not a silent takeover',
    ),
});

/** Parsed assignment. */
export type AssignTransferInput = z.output<typeof assignTransferSchema>;
