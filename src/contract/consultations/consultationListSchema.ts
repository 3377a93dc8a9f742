import { z } from 'zod';
import { consultationSchema } from './consultationSchema.ts';

/** `GET /api/v1/consultations`: recent consultations, newest first. */
export const consultationListSchema = z.object({ items: z.array(consultationSchema) });
