import { z } from 'zod';

/**
 * Why personal data was erased, as the destruction log records it: the end of its retention period
 * ('retention-ended') or the data subject's own request to delete it ('subject-request').
 */
export const erasureReasonSchema = z
  .enum(['retention-ended', 'subject-request'])
  .meta({ id: 'ErasureReason' });

/** Why personal data was erased. */
export type ErasureReason = z.output<typeof erasureReasonSchema>;
