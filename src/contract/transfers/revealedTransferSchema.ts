import { z } from 'zod';

/**
 * A transfer's contact and the free text about it in clear (inquiry, comments, status notes: masked
 * everywhere else), in the answer of POST /api/v1/transfers/{id}/reveal only.
 */
export const revealedTransferSchema = z
  .object({
    transferId: z.uuid(),
    contactName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    inquiry: z.string(),
    comments: z
      .array(z.object({ id: z.uuid(), body: z.string() }))
      .describe('Every comment in clear, by the id the transfer detail lists it under'),
    notes: z
      .array(z.object({ historyId: z.number().int(), note: z.string() }))
      .describe('Every status note in clear, by the id of its history entry'),
  })
  .meta({ id: 'RevealedTransfer' });

/** A transfer's contact in clear. */
export type RevealedTransfer = z.output<typeof revealedTransferSchema>;
