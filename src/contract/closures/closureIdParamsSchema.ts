import { z } from 'zod';

/** Path parameters of `/api/v1/closures/{id}`. */
export const closureIdParamsSchema = z.object({ id: z.uuid() });
