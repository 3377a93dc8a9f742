import type { AppContext } from '../../appContext.ts';
import { apiTokenRepository } from '../../repositories/apiTokenRepository.ts';
import { sessionRepository } from '../../repositories/sessionRepository.ts';
import { credentialCacheOf } from './credentialCache.ts';
import { type PublicUser, publicUser } from './publicUser.ts';
import { hashToken } from './secureToken.ts';

/** Who is calling and how: a browser session (CSRF-protected) or an integration's bearer token. */
export type Caller =
  | { via: 'session'; user: PublicUser; csrfToken: string; sessionTokenHash: string }
  | { via: 'token'; user: PublicUser; tokenId: string };

// Writing last_seen_at on every request would turn each read into a write; a minute is precise enough
// for tokens and long idle limits. A session is touched at least ten times per idle period, so a
// short SESSION_IDLE_MINUTES never logs out someone who keeps working (1 minute, active every 40 s).
const TOUCH_INTERVAL_MS = 60_000;
const TOUCHES_PER_IDLE_PERIOD = 10;

function touchIntervalMs(ctx: AppContext, caller: Caller): number {
  if (caller.via === 'token') return TOUCH_INTERVAL_MS;
  return Math.min(TOUCH_INTERVAL_MS, (ctx.env.SESSION_IDLE_MINUTES * 60_000) / TOUCHES_PER_IDLE_PERIOD);
}

/**
 * Resolves a bearer token or a session cookie to the caller, or null. Sessions idle longer than
 * SESSION_IDLE_MINUTES, expired ones and disabled users resolve to null.
 */
export async function resolveCredentials(
  ctx: AppContext,
  credentials: { bearer?: string | undefined; sessionToken?: string | undefined },
): Promise<Caller | null> {
  const now = ctx.now();
  const cache = credentialCacheOf<Resolved>(ctx);
  const key = credentials.bearer
    ? `token:${hashToken(credentials.bearer)}`
    : credentials.sessionToken
      ? `session:${hashToken(credentials.sessionToken)}`
      : null;
  if (key === null) return null;
  const cached = cache.get(key)?.value;
  const resolved =
    cached && stillValid(ctx, cached, now) ? cached : await readCredential(ctx, credentials, now);
  if (!resolved) return null;
  if (now.getTime() - resolved.lastSeenAt.getTime() > touchIntervalMs(ctx, resolved.caller)) {
    if (resolved.caller.via === 'token')
      await apiTokenRepository.touch(ctx.database.db, resolved.caller.tokenId, now);
    else await sessionRepository.touch(ctx.database.db, resolved.caller.sessionTokenHash, now);
    resolved.lastSeenAt = now;
  }
  cache.set(key, resolved);
  return resolved.caller;
}

/** A caller as read from the database, with what expiry and idleness are checked against. */
type Resolved = { caller: Caller; lastSeenAt: Date; expiresAt: Date | null };

function stillValid(ctx: AppContext, resolved: Resolved, now: Date): boolean {
  if (resolved.expiresAt && resolved.expiresAt <= now) return false;
  if (resolved.caller.via === 'token') return true;
  return resolved.lastSeenAt.getTime() > now.getTime() - ctx.env.SESSION_IDLE_MINUTES * 60_000;
}

async function readCredential(
  ctx: AppContext,
  credentials: { bearer?: string | undefined; sessionToken?: string | undefined },
  now: Date,
): Promise<Resolved | null> {
  const db = ctx.database.db;
  if (credentials.bearer) {
    const found = await apiTokenRepository.findActiveWithUser(db, hashToken(credentials.bearer), now);
    if (!found || found.user.disabledAt) return null;
    return {
      caller: { via: 'token', user: publicUser(found.user), tokenId: found.token.id },
      lastSeenAt: found.token.lastUsedAt ?? new Date(0),
      expiresAt: found.token.expiresAt,
    };
  }
  if (credentials.sessionToken) {
    const tokenHash = hashToken(credentials.sessionToken);
    const idleSince = new Date(now.getTime() - ctx.env.SESSION_IDLE_MINUTES * 60_000);
    const found = await sessionRepository.findLive(db, tokenHash, now, idleSince);
    if (!found || found.user.disabledAt) return null;
    return {
      caller: {
        via: 'session',
        user: publicUser(found.user),
        csrfToken: found.session.csrfToken,
        sessionTokenHash: tokenHash,
      },
      lastSeenAt: found.session.lastSeenAt,
      expiresAt: found.session.expiresAt,
    };
  }
  return null;
}
