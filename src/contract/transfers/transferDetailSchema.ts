import { z } from 'zod';
import { transferCommentSchema } from './transferCommentSchema.ts';
import { transferHistoryEntrySchema } from './transferHistoryEntrySchema.ts';
import { transferSchema } from './transferSchema.ts';

/** A transfer with its history and comments (`GET /api/v1/transfers/{id}`). */
export const transferDetailSchema = transferSchema
  .extend({
    history: z.array(transferHistoryEntrySchema),
    comments: z.array(transferCommentSchema),
    leadId: z.uuid().nullable().describe('the sign-up lead a lead transfer carries'),
  })
  .meta({ id: 'TransferDetail' });

/** The detail as clients read it. */
export type TransferDetail = z.output<typeof transferDetailSchema>;
