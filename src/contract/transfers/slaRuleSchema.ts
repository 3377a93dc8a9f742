import { z } from 'zod';

/** When a transfer of a type is due: the next business day at a time (Seoul), or N open business minutes. */
export const slaRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('next-business-day'), time: z.string() }),
  z.object({ kind: z.literal('business-minutes'), minutes: z.number().int() }),
]);

/** An SLA rule as answers carry it. */
export type SlaRule = z.output<typeof slaRuleSchema>;
