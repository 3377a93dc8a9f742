import { z } from 'zod';
import { preferencesSchema } from '../users/preferencesSchema.ts';
import { userSchema } from '../users/userSchema.ts';

/** The signed-in user, their preferences and the CSRF token for state-changing requests (login, setup, session). */
export const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('Echo in the x-csrf-token header of every write.'),
    preferences: preferencesSchema.describe(
      "The user's own settings (UI language), so the first screen is right.",
    ),
  })
  .meta({ id: 'Session' });

/** A session as clients read it. */
export type Session = z.output<typeof sessionSchema>;
