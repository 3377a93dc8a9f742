import { z } from 'zod';
import { personSchema } from '../common/personSchema.ts';
import { slaRuleSchema } from './slaRuleSchema.ts';

/** Transfer settings: the SLA rule and assignee rotation per inquiry type, and who can be an assignee. */
export const transferSettingsSchema = z
  .object({
    types: z.array(
      z.object({
        guideId: z.string(),
        guideLabel: z.string().describe("The guide's heading, for screens with more than one guide"),
        inquiryType: z.number().int(),
        label: z.string(),
        sla: slaRuleSchema,
        assignees: z.array(z.object({ userId: z.uuid(), name: z.string(), onDuty: z.boolean() })),
        nextAssignee: personSchema.nullable(),
      }),
    ),
    candidates: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
  })
  .meta({ id: 'TransferSettings' });

/** The settings as clients read them. */
export type TransferSettings = z.output<typeof transferSettingsSchema>;
/** One inquiry type's SLA and assignee rotation. */
export type TransferTypeSettings = TransferSettings['types'][number];
