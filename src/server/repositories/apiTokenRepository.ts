import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { apiTokens, users } from '../db/schema.ts';

/** SQL for integration API tokens. */
export const apiTokenRepository = {
  insert: async (db: Database, values: { userId: string; name: string; tokenHash: string }) => {
    const rows = await db.insert(apiTokens).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into api_tokens returned no row');
    return row;
  },

  findActiveWithUser: async (db: Database, tokenHash: string) => {
    const rows = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1);
    return rows[0];
  },

  touch: async (db: Database, id: string, now: Date): Promise<void> => {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
  },
};
