import { z } from 'zod';

/** Path parameters of `/api/v1/guides/{id}`. */
export const guideIdParamsSchema = z.object({ id: z.string().max(100) });
