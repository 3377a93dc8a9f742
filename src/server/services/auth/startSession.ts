import type { AppContext } from '../../appContext.ts';
import { sessionRepository } from '../../repositories/sessionRepository.ts';
import { secureToken } from './secureToken.ts';

/** A new browser session: the cookie value and the CSRF token the client echoes in a header. */
export type StartedSession = { token: string; csrfToken: string; expiresAt: Date };

/** Opens a server-side session for a user who just proved who they are. */
export async function startSession(
  ctx: AppContext,
  userId: string,
  ip: string | null,
): Promise<StartedSession> {
  const now = ctx.now();
  const { token, hash } = secureToken();
  const csrfToken = secureToken().token;
  const expiresAt = new Date(now.getTime() + ctx.env.SESSION_MAX_HOURS * 3_600_000);
  await sessionRepository.insert(ctx.database.db, {
    tokenHash: hash,
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip,
  });
  return { token, csrfToken, expiresAt };
}
