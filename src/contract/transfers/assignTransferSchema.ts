import { z } from 'zod';

/** Body of `POST /api/v1/transfers/{id}/assign`. */
export const assignTransferSchema = z.object({
  assigneeId: z
    .union([z.uuid(), z.literal('me'), z.null()])
    .describe("A business-team member's id, 'me' to take it, or null to put it back unassigned"),
});

/** Parsed assignment. */
export type AssignTransferInput = z.output<typeof assignTransferSchema>;
