import { z } from 'zod';

/** Where a consultation stands: open during the call, completed once its record is saved. */
export const consultationStatusSchema = z.enum(['open', 'completed']);

/** A consultation's status. */
export type ConsultationStatus = z.output<typeof consultationStatusSchema>;
