import { z } from 'zod';
import { personSchema } from '../common/personSchema.ts';

/** One history entry of a transfer: who, when, what changed, and a Korean sentence for the screen. */
export const transferHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: personSchema.nullable(),
    action: z.enum(['filed', 'status-changed', 'assigned', 'commented']),
    detail: z.record(z.string(), z.unknown()),
    summary: z.string().describe('Korean sentence for the screen'),
  })
  .meta({ id: 'TransferHistoryEntry' });

/** A history entry as clients read it. */
export type TransferHistoryEntry = z.output<typeof transferHistoryEntrySchema>;
