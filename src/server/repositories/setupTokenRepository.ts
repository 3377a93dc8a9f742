import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { setupTokens } from '../db/schema.ts';

/** SQL for the one-time first-admin setup links. */
export const setupTokenRepository = {
  insert: async (db: Database, tokenHash: string, expiresAt: Date): Promise<void> => {
    await db.insert(setupTokens).values({ tokenHash, expiresAt });
  },

  /** Ends every link not used yet (a newer one replaces them). */
  expireUnused: async (db: Database, now: Date): Promise<void> => {
    await db
      .update(setupTokens)
      .set({ expiresAt: now })
      .where(and(isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)));
  },

  /** Marks the token used if it is live; returns whether it was. Atomic, so a link works once. */
  consume: async (db: Database, tokenHash: string, now: Date): Promise<boolean> => {
    const rows = await db
      .update(setupTokens)
      .set({ usedAt: now })
      .where(
        and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)),
      )
      .returning({ tokenHash: setupTokens.tokenHash });
    return rows.length === 1;
  },
};
