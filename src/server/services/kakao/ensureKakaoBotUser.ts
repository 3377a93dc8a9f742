import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { type PublicUser, publicUser } from '../auth/publicUser.ts';

/** The account the KakaoTalk chatbot acts as. `.invalid` is reserved: no mail ever goes there. */
export const KAKAO_BOT_EMAIL = 'kakao-bot@ieum.invalid';

const known = new WeakMap<AppContext, PublicUser>();

/**
 * The chatbot's account (role agent, no password: it cannot log in). Consultations the bot holds
 * are its own until an agent picks a handed-off chat up; records, transfers and leads it files
 * name it as their filer, so every report tells bot work from agents' work.
 */
export async function ensureKakaoBotUser(ctx: AppContext): Promise<PublicUser> {
  const cached = known.get(ctx);
  if (cached) return cached;
  const db = ctx.database.db;
  let row = await userRepository.findByEmail(db, KAKAO_BOT_EMAIL);
  if (!row) {
    // Before the first admin exists the bot files nothing: its account would end the first-run
    // setup (which waits for the first account), locking the admin out.
    if ((await userRepository.count(db)) === 0)
      throw new AppError('unavailable', msg('kakao.setupIncomplete'));
    try {
      row = await userRepository.insert(db, {
        email: KAKAO_BOT_EMAIL,
        name: '카카오톡 챗봇',
        role: 'agent',
        passwordHash: null,
      });
    } catch (error) {
      // Another instance (or request) created it first: the unique e-mail index refused ours.
      row = await userRepository.findByEmail(db, KAKAO_BOT_EMAIL);
      if (!row) throw error;
    }
  }
  const user = publicUser(row);
  known.set(ctx, user);
  return user;
}
