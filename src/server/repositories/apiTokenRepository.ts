import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { apiTokens, users } from '../db/schema.ts';

/** An API token row as services see it. */
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** SQL for integration API tokens. */
export const apiTokenRepository = {
  insert: async (
    db: Database,
    values: { userId: string; name: string; tokenHash: string; expiresAt: Date | null },
  ) => {
    const rows = await db.insert(apiTokens).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into api_tokens returned no row');
    return row;
  },

  /** The token and its user, unless the token is revoked or expired at `now`. */
  findActiveWithUser: async (db: Database, tokenHash: string, now: Date) => {
    const rows = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      )
      .limit(1);
    return rows[0];
  },

  findById: async (db: Database, id: string): Promise<ApiTokenRow | undefined> => {
    const rows = await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
    return rows[0];
  },

  /** Tokens with their owners, newest first; one account's when `userId` is given. */
  listWithUsers: (db: Database, filter: { userId?: string | undefined }) =>
    db
      .select({ token: apiTokens, user: { id: users.id, email: users.email, name: users.name } })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(filter.userId ? eq(apiTokens.userId, filter.userId) : undefined)
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)),

  /** Revokes one token; returns it, or undefined when it was already revoked (or unknown). */
  revoke: async (db: Database, id: string, now: Date): Promise<ApiTokenRow | undefined> => {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning();
    return rows[0];
  },

  /** Revokes every live token of an account; returns how many. */
  revokeAllOfUser: async (db: Database, userId: string, now: Date): Promise<number> => {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length;
  },

  touch: async (db: Database, id: string, now: Date): Promise<void> => {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
  },
};
