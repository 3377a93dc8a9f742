import { z } from 'zod';
import { localeSchema } from '../users/localeSchema.ts';

/** Body of `POST /api/v1/setup`: the first admin, from the one-time setup link. */
export const completeSetupSchema = z.object({
  token: z.string().min(1).max(200),
  email: z.string().max(254),
  name: z.string().max(100),
  password: z.string().max(200),
  locale: localeSchema
    .optional()
    .describe('The UI language the admin set up in (default ko); kept as theirs'),
});
