import { z } from 'zod';
import { transferCommentSchema } from './transferCommentSchema.ts';

/**
 * Answer of `POST /api/v1/transfers/{id}/comments`: the comment, and each '@word' in it that named
 * nobody who can be mentioned — saved as plain text, nobody notified — so the writer and an
 * integration know the mention went nowhere.
 */
export const postedTransferCommentSchema = transferCommentSchema
  .extend({
    unresolvedMentions: z
      .array(z.string())
      .describe("Each '@word' that matched nobody, as typed (without the '@'); nobody was notified for it"),
  })
  .meta({ id: 'PostedTransferComment' });

/** The posted comment as clients read it. */
export type PostedTransferComment = z.output<typeof postedTransferCommentSchema>;
