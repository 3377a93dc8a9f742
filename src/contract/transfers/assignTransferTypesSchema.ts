import { z } from 'zod';
import { rotationMemberSchema } from './rotationMemberSchema.ts';
import { transferTypeKeySchema } from './transferTypeKeySchema.ts';

/**
 * Body of `PUT /api/v1/transfer-settings/assignees`: one rotation for many inquiry types at once
 * (all of every loaded guide when `types` is left out). `replace` makes it each type's rotation;
 * `add` appends the members a type does not have yet. SLA rules are left as they are.
 */
export const assignTransferTypesSchema = z.object({
  assignees: z
    .array(rotationMemberSchema)
    .min(1)
    .max(100)
    .describe('Rotation order; members off duty are skipped'),
  types: z
    .array(transferTypeKeySchema)
    .min(1)
    .max(1000)
    .optional()
    .describe('The inquiry types to set; default: every type of every loaded guide'),
  mode: z.enum(['replace', 'add']).default('replace'),
});

/** A parsed bulk assignment. */
export type AssignTransferTypesInput = z.output<typeof assignTransferTypesSchema>;
