import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { sessions, users } from '../db/schema.ts';

/** SQL for browser sessions. */
export const sessionRepository = {
  insert: async (db: Database, values: typeof sessions.$inferInsert): Promise<void> => {
    await db.insert(sessions).values(values);
  },

  /** The live session and its (enabled) user, or undefined when expired, idle too long or unknown. */
  findLive: async (db: Database, tokenHash: string, now: Date, idleSince: Date) => {
    const rows = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleSince),
        ),
      )
      .limit(1);
    return rows[0];
  },

  touch: async (db: Database, tokenHash: string, now: Date): Promise<void> => {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  },

  delete: async (db: Database, tokenHash: string): Promise<void> => {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },

  deleteForUser: async (db: Database, userId: string): Promise<void> => {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },

  deleteDead: async (db: Database, now: Date, idleSince: Date): Promise<void> => {
    await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)));
  },
};
