import type { Preferences } from '../../../contract/users/preferencesSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { userRepository } from '../../repositories/userRepository.ts';

/** `PUT /api/v1/me/preferences`: stores the caller's own UI language (every role may set their own). */
export async function updatePreferences(
  ctx: AppContext,
  userId: string,
  input: Preferences,
): Promise<Preferences> {
  const row = await userRepository.setLocale(ctx.database.db, userId, input.locale);
  if (!row) throw new AppError('not-found', `사용자를 찾을 수 없습니다: ${userId}`);
  return { locale: row.locale };
}
