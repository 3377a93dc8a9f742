import { z } from 'zod';
import { personSchema } from '../common/personSchema.ts';

/**
 * One history entry of a transfer: who, when, what changed (`action`, `detail`: data), and a sentence
 * for the screen in the request's language (Accept-Language; Korean by default).
 */
export const transferHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: personSchema.nullable(),
    action: z
      .enum(['filed', 'status-changed', 'assigned', 'commented', 'due-changed', 'erased'])
      .describe(
        "due-changed: a company closure added or removed moved the due time (detail fromDueAt, toDueAt) or the 연락불가 retry time (fromRetryAt, toRetryAt); detail.closure names it ({ change: 'added' | 'removed', date, name }). erased: the personal data was erased (detail.reason: 'retention-ended' | 'subject-request'); an open transfer closed with it (detail fromStatus, toStatus: 'closed')",
      ),
    detail: z.record(z.string(), z.unknown()),
    summary: z
      .string()
      .describe('A sentence for the screen, in the language Accept-Language asks for (Korean by default)'),
  })
  .meta({ id: 'TransferHistoryEntry' });

/** A history entry as clients read it. */
export type TransferHistoryEntry = z.output<typeof transferHistoryEntrySchema>;
