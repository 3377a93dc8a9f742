import { z } from 'zod';
import { consultationSchema } from './consultationSchema.ts';

/** `GET /api/v1/consultations`: a page of consultations, newest first. */
export const consultationListSchema = z.object({
  items: z.array(consultationSchema),
  nextCursor: z
    .string()
    .nullable()
    .optional()
    .describe('Send as `cursor` for the next (older) page; null on the last page'),
});
