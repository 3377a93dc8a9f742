import { z } from 'zod';
import { transferKindSchema } from '../transfers/transferKindSchema.ts';
import { transferStatusSchema } from '../transfers/transferStatusSchema.ts';

/** Types of the transfer events on `GET /api/v1/events`. */
export const transferEventTypeSchema = z.enum(['transfer.filed', 'transfer.updated', 'transfer.commented']);

/**
 * Data of a transfer event on `GET /api/v1/events` (ids and workflow state only, never personal
 * data): what changed, who did it and whom it notified — and, for a comment, which '@words' named
 * nobody (masked, as a masked webhook carries them). The stream adds `at`.
 */
export const transferEventSchema = z.object({
  transferId: z.uuid(),
  number: z.string(),
  kind: transferKindSchema,
  status: transferStatusSchema,
  inquiryType: z.number().int(),
  /** The guide the transfer is filed under (absent from events stored before it was carried). */
  guideId: z.string().optional(),
  assigneeId: z.uuid().nullable(),
  filedById: z.uuid(),
  actorId: z.uuid(),
  change: z.record(z.string(), z.unknown()),
  notifiedIds: z.array(z.uuid()),
  commentId: z.uuid().optional(),
  mentionedIds: z.array(z.uuid()).optional(),
  unresolvedMentions: z
    .array(z.string())
    .optional()
    .describe(
      "transfer.commented: each '@word' of the comment that named nobody, without the '@' and masked (a customer's name typed after an '@' is personal data); nobody was notified for it",
    ),
});

/** A transfer event's data as publishers write it and screens read it. */
export type TransferEvent = z.output<typeof transferEventSchema>;
