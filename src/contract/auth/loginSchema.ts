import { z } from 'zod';

/** Body of `POST /api/v1/auth/login`. */
export const loginSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
