import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { publishEvent } from '../../events/publishEvent.ts';

/** Event type that tells every instance to drop what it remembers of credentials. */
export const CREDENTIALS_CHANGED = 'credentials.changed';

/** What a resolved credential is remembered with: enough to re-check expiry and idleness in memory. */
export type CachedCredential<T> = {
  value: T;
  /** performance.now() when it was read from the database. */
  readAt: number;
};

/** A short-lived, per-instance memory of resolved credentials. */
export type CredentialCache<T> = {
  get: (key: string) => CachedCredential<T> | undefined;
  set: (key: string, value: T) => void;
  forget: () => void;
};

// Every API call (each search keystroke) needs its caller; reading the session or token from the
// database costs more than the search itself. The memory is dropped on every instance the moment
// an account is disabled or a session ends (a 'credentials.changed' event over NOTIFY), and an
// entry is never trusted longer than this, in case a change was made behind the app's back.
const MAX_AGE_MS = 5_000;
// A bound on memory: many distinct tokens in a few seconds only cost a re-read.
const MAX_ENTRIES = 10_000;

const caches = new WeakMap<AppContext, CredentialCache<unknown>>();

/** The credential cache of one app instance (created on first use, listening for invalidations). */
export function credentialCacheOf<T>(ctx: AppContext): CredentialCache<T> {
  const existing = caches.get(ctx);
  if (existing) return existing as CredentialCache<T>;
  const entries = new Map<string, CachedCredential<unknown>>();
  const cache: CredentialCache<unknown> = {
    get: (key) => {
      const entry = entries.get(key);
      if (!entry) return undefined;
      // While the LISTEN connection is down, a disabled account elsewhere would go unheard.
      if (!ctx.database.listening()) return undefined;
      if (performance.now() - entry.readAt > MAX_AGE_MS) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    set: (key, value) => {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { value, readAt: performance.now() });
    },
    forget: () => entries.clear(),
  };
  ctx.events.subscribe((event) => {
    if (event.type === CREDENTIALS_CHANGED) entries.clear();
  });
  caches.set(ctx, cache);
  return cache as CredentialCache<T>;
}

/**
 * Makes every instance forget cached credentials: call inside the transaction that disabled an
 * account or ended a session. This instance forgets at once; the others on commit.
 */
export async function announceCredentialsChanged(ctx: AppContext, db: Database): Promise<void> {
  credentialCacheOf(ctx).forget();
  await publishEvent(db, { type: CREDENTIALS_CHANGED, data: {} });
}
