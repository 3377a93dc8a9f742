import { z } from 'zod';
import { transferStatuses } from '../../domain/transfer/transferStatuses.ts';

/** A state of the transfer workflow on the wire (the workflow itself is src/domain/transfer). */
export const transferStatusSchema = z.enum(transferStatuses);

/** A transfer's workflow state. */
export type TransferStatus = z.output<typeof transferStatusSchema>;
