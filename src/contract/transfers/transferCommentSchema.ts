import { z } from 'zod';
import { personSchema } from '../common/personSchema.ts';

/** A comment on a transfer; phone numbers and addresses in it are masked like every other free text. */
export const transferCommentSchema = z
  .object({
    id: z.uuid(),
    author: personSchema,
    body: z.string(),
    mentions: z.array(personSchema),
    createdAt: z.string(),
  })
  .meta({ id: 'TransferComment' });

/** A comment as clients read it. */
export type TransferComment = z.output<typeof transferCommentSchema>;
