import type { AppContext } from '../../appContext.ts';
import { apiTokenRepository } from '../../repositories/apiTokenRepository.ts';
import { sessionRepository } from '../../repositories/sessionRepository.ts';
import { type PublicUser, publicUser } from './publicUser.ts';
import { hashToken } from './secureToken.ts';

/** Who is calling and how: a browser session (CSRF-protected) or an integration's bearer token. */
export type Caller =
  | { via: 'session'; user: PublicUser; csrfToken: string; sessionTokenHash: string }
  | { via: 'token'; user: PublicUser; tokenId: string };

// Writing last_seen_at on every request would turn each read into a write; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves a bearer token or a session cookie to the caller, or null. Sessions idle longer than
 * SESSION_IDLE_MINUTES, expired ones and disabled users resolve to null.
 */
export async function resolveCredentials(
  ctx: AppContext,
  credentials: { bearer?: string | undefined; sessionToken?: string | undefined },
): Promise<Caller | null> {
  const db = ctx.database.db;
  const now = ctx.now();
  if (credentials.bearer) {
    const found = await apiTokenRepository.findActiveWithUser(db, hashToken(credentials.bearer));
    if (!found || found.user.disabledAt) return null;
    if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await apiTokenRepository.touch(db, found.token.id, now);
    }
    return { via: 'token', user: publicUser(found.user), tokenId: found.token.id };
  }
  if (credentials.sessionToken) {
    const tokenHash = hashToken(credentials.sessionToken);
    const idleSince = new Date(now.getTime() - ctx.env.SESSION_IDLE_MINUTES * 60_000);
    const found = await sessionRepository.findLive(db, tokenHash, now, idleSince);
    if (!found || found.user.disabledAt) return null;
    if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await sessionRepository.touch(db, tokenHash, now);
    }
    return {
      via: 'session',
      user: publicUser(found.user),
      csrfToken: found.session.csrfToken,
      sessionTokenHash: tokenHash,
    };
  }
  return null;
}
