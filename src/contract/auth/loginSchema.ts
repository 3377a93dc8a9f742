import { z } from 'zod';
import { localeSchema } from '../users/localeSchema.ts';

/** Body of `POST /api/v1/auth/login`. */
export const loginSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
  locale: localeSchema
    .optional()
    .describe(
      "The login page's UI language; an account that has never chosen one takes it and keeps it (its first sign-in). An account that has chosen keeps its own",
    ),
});
