import type { Locale } from '../../../contract/users/localeSchema.ts';
import type { Preferences } from '../../../contract/users/preferencesSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { readPreferences } from './readPreferences.ts';

/**
 * At sign-in: an account that has never chosen its UI language takes the login page's, and keeps
 * it — the person has just read that page, and an English login that opened a Korean console was
 * the surprise. An account that has chosen (the language switch, /setup, an earlier sign-in) keeps
 * its own. Answers the preferences the session starts with.
 */
export async function adoptFirstLocale(
  ctx: AppContext,
  userId: string,
  pageLocale: Locale,
): Promise<Preferences> {
  const adopted = await userRepository.setLocaleIfUnchosen(ctx.database.db, userId, pageLocale, ctx.now());
  if (adopted) return { locale: adopted.locale };
  return readPreferences(ctx, userId);
}
