import { z } from 'zod';

/** Answer of `POST /api/v1/tokens`: the token in clear, shown this once. */
export const createdApiTokenSchema = z.object({
  id: z.uuid(),
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
});
