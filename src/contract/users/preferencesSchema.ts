import { z } from 'zod';
import { localeSchema } from './localeSchema.ts';

/** A user's own settings: the UI language (`GET`/`PUT /api/v1/me/preferences`, and in the session). */
export const preferencesSchema = z
  .object({ locale: localeSchema.describe('UI language: ko (default) or en') })
  .meta({ id: 'Preferences' });

/** Preferences as clients read and send them. */
export type Preferences = z.output<typeof preferencesSchema>;
