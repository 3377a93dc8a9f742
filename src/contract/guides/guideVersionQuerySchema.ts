import { z } from 'zod';

/** Query of `GET /api/v1/guides/{id}`: which version of the guide. */
export const guideVersionQuerySchema = z.object({
  version: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'A version this server has loaded, e.g. the `guideVersion` a consultation started on (it is saved on that version); default: the loaded one',
    ),
});
