import { z } from 'zod';

/**
 * Where a consultation stands: open during the call, completed once its record is saved, abandoned
 * when it stayed idle longer than IEUM_ABANDON_AFTER_MINUTES (kept for reports, hidden from 최근 상담).
 */
export const consultationStatuses = ['open', 'completed', 'abandoned'] as const;

/** A consultation's status on the wire. */
export const consultationStatusSchema = z.enum(consultationStatuses);

/** A consultation's status. */
export type ConsultationStatus = z.output<typeof consultationStatusSchema>;
