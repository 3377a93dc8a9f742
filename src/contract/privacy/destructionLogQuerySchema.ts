import { z } from 'zod';

/** Query of `GET /api/v1/destruction-log`. */
export const destructionLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
