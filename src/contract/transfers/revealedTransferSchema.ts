import { z } from 'zod';

/** A transfer's contact in clear, in the answer of POST /api/v1/transfers/{id}/reveal only. */
export const revealedTransferSchema = z
  .object({
    transferId: z.uuid(),
    contactName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    inquiry: z.string(),
  })
  .meta({ id: 'RevealedTransfer' });

/** A transfer's contact in clear. */
export type RevealedTransfer = z.output<typeof revealedTransferSchema>;
