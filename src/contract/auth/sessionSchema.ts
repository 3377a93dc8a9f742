import { z } from 'zod';
import { userSchema } from '../users/userSchema.ts';

/** The signed-in user and the CSRF token for state-changing requests (login, setup, session). */
export const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('Echo in the x-csrf-token header of every write.'),
  })
  .meta({ id: 'Session' });

/** A session as clients read it. */
export type Session = z.output<typeof sessionSchema>;
