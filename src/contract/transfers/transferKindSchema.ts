import { z } from 'zod';

/** A transfer to the business team, or a sign-up lead's transfer (Q4). */
export const transferKindSchema = z.enum(['transfer', 'lead']);

/** What a transfer carries. */
export type TransferKind = z.output<typeof transferKindSchema>;
