import { z } from 'zod';
import { leadStatuses } from '../../domain/lead/leadStatuses.ts';

/** A sign-up lead's state on the wire (the life of a lead is src/domain/lead). */
export const leadStatusSchema = z.enum(leadStatuses);

/** A lead's state. */
export type LeadStatus = z.output<typeof leadStatusSchema>;
