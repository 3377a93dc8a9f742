import type { AppContext } from '../../appContext.ts';
import { setupTokenRepository } from '../../repositories/setupTokenRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { secureToken } from '../auth/secureToken.ts';

const SETUP_LINK_HOURS = 24;

/**
 * On a first start with no users, makes a one-time link where the first admin sets a password in
 * the browser. Returns null when users exist. Only the hash is stored, so the link is shown once.
 * Each new link ends the earlier ones: only the link printed last works, never one from an old
 * log or terminal scroll-back.
 */
export async function issueSetupLink(ctx: AppContext, baseUrl: string): Promise<string | null> {
  const db = ctx.database.db;
  if ((await userRepository.count(db)) > 0) return null;
  const { token, hash } = secureToken();
  const now = ctx.now();
  await db.transaction(async (tx) => {
    await setupTokenRepository.expireUnused(tx, now);
    await setupTokenRepository.insert(tx, hash, new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000));
  });
  return `${baseUrl.replace(/\/$/, '')}/setup?token=${token}`;
}
