import { z } from 'zod';

/** Body of `POST /api/v1/setup`: the first admin, from the one-time setup link. */
export const completeSetupSchema = z.object({
  token: z.string().min(1).max(200),
  email: z.string().max(254),
  name: z.string().max(100),
  password: z.string().max(200),
});
