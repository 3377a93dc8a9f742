import { z } from 'zod';
import { accessLogEntrySchema } from './accessLogEntrySchema.ts';

/** `GET /api/v1/access-log`: entries newest first. */
export const accessLogListSchema = z.object({ items: z.array(accessLogEntrySchema) });
