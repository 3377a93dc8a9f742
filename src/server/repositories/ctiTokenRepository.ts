import { and, desc, eq, isNull } from 'drizzle-orm';
import { ctiTokens } from '../db/ctiSchema.ts';
import type { Database } from '../db/openDatabase.ts';

/** A CTI token row (only the token's hash is stored). */
export type CtiTokenRow = typeof ctiTokens.$inferSelect;

/** SQL for the tokens of PBX integrations. */
export const ctiTokenRepository = {
  insert: async (
    db: Database,
    values: { name: string; tokenHash: string; createdBy: string | null; createdAt: Date },
  ): Promise<CtiTokenRow> => {
    const rows = await db.insert(ctiTokens).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into cti_tokens returned no row');
    return row;
  },

  /** The live token with this hash, if any (a revoked one is not found). */
  findActiveByHash: async (db: Database, tokenHash: string): Promise<CtiTokenRow | undefined> => {
    const rows = await db
      .select()
      .from(ctiTokens)
      .where(and(eq(ctiTokens.tokenHash, tokenHash), isNull(ctiTokens.revokedAt)))
      .limit(1);
    return rows[0];
  },

  list: (db: Database): Promise<CtiTokenRow[]> =>
    db.select().from(ctiTokens).orderBy(desc(ctiTokens.createdAt), desc(ctiTokens.id)),

  findById: async (db: Database, id: string): Promise<CtiTokenRow | undefined> => {
    const rows = await db.select().from(ctiTokens).where(eq(ctiTokens.id, id)).limit(1);
    return rows[0];
  },

  /** Revokes a live token; undefined when it was already revoked (or unknown). */
  revoke: async (db: Database, id: string, now: Date): Promise<CtiTokenRow | undefined> => {
    const rows = await db
      .update(ctiTokens)
      .set({ revokedAt: now })
      .where(and(eq(ctiTokens.id, id), isNull(ctiTokens.revokedAt)))
      .returning();
    return rows[0];
  },

  touch: async (db: Database, id: string, now: Date): Promise<void> => {
    await db.update(ctiTokens).set({ lastUsedAt: now }).where(eq(ctiTokens.id, id));
  },
};
