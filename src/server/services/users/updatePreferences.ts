import type { Preferences } from '../../../contract/users/preferencesSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { userRepository } from '../../repositories/userRepository.ts';

/** `PUT /api/v1/me/preferences`: stores the caller's own UI language (every role may set their own). */
export async function updatePreferences(
  ctx: AppContext,
  userId: string,
  input: Preferences,
): Promise<Preferences> {
  const row = await userRepository.setLocale(ctx.database.db, userId, input.locale, ctx.now());
  if (!row) throw new AppError('not-found', msg('users.notFound', { id: userId }));
  return { locale: row.locale };
}
