import type { Preferences } from '../../../contract/users/preferencesSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { userRepository } from '../../repositories/userRepository.ts';

/** The user's own settings (UI language), read fresh: the session answer carries them to the first paint. */
export async function readPreferences(ctx: AppContext, userId: string): Promise<Preferences> {
  const row = await userRepository.findById(ctx.database.db, userId);
  if (!row) throw new AppError('not-found', msg('users.notFound', { id: userId }));
  return { locale: row.locale };
}
