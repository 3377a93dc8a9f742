import { z } from 'zod';
import { personSchema } from '../common/personSchema.ts';
import { slaRuleSchema } from './slaRuleSchema.ts';

/** What filing a transfer of a type now would do: who gets it (the mention) and when it is due. */
export const transferFilingPreviewSchema = z
  .object({
    guideId: z.string(),
    inquiryType: z.number().int(),
    assignee: personSchema.nullable().describe('The person the transfer will name (the guide’s 담당자 멘션)'),
    sla: slaRuleSchema,
    dueAt: z.string(),
  })
  .meta({ id: 'TransferFilingPreview' });

/** The preview as clients read it. */
export type TransferFilingPreview = z.output<typeof transferFilingPreviewSchema>;
