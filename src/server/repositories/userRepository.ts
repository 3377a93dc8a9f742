import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Locale } from '../../contract/users/localeSchema.ts';
import type { Role } from '../../contract/users/roleSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { users } from '../db/schema.ts';

/** A user row as services see it. */
export type UserRow = typeof users.$inferSelect;

/** SQL for users. */
export const userRepository = {
  findByEmail: async (db: Database, email: string): Promise<UserRow | undefined> => {
    const rows = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
    return rows[0];
  },

  findById: async (db: Database, id: string): Promise<UserRow | undefined> => {
    const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0];
  },

  /**
   * An account's name and whether it is disabled, share-locked for the caller's transaction as the
   * rotation read locks its members: a disable of it waits for the caller's commit, or is seen.
   */
  shareLockAccount: async (
    db: Database,
    id: string,
  ): Promise<{ id: string; name: string; disabled: boolean } | undefined> => {
    const rows = await db
      .select({ id: users.id, name: users.name, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, id))
      .for('share')
      .limit(1);
    const row = rows[0];
    return row ? { id: row.id, name: row.name, disabled: row.disabledAt !== null } : undefined;
  },

  /** The account whose phone extension (내선번호) this is. */
  findByExtension: async (db: Database, extension: string): Promise<UserRow | undefined> => {
    const rows = await db.select().from(users).where(eq(users.extension, extension)).limit(1);
    return rows[0];
  },

  /** Sets or clears an account's extension; undefined when there is no such account. */
  setExtension: async (db: Database, id: string, extension: string | null): Promise<UserRow | undefined> => {
    const rows = await db.update(users).set({ extension }).where(eq(users.id, id)).returning();
    return rows[0];
  },

  /** Sets an account's UI language, as chosen at `at`; undefined when there is no such account. */
  setLocale: async (db: Database, id: string, locale: Locale, at: Date): Promise<UserRow | undefined> => {
    const rows = await db
      .update(users)
      .set({ locale, localeChosenAt: at })
      .where(eq(users.id, id))
      .returning();
    return rows[0];
  },

  /**
   * Sets an account's UI language only if it has never chosen one (one statement, so two first
   * sign-ins at once cannot both win); undefined when it had, or there is no such account.
   */
  setLocaleIfUnchosen: async (
    db: Database,
    id: string,
    locale: Locale,
    at: Date,
  ): Promise<UserRow | undefined> => {
    const rows = await db
      .update(users)
      .set({ locale, localeChosenAt: at })
      .where(and(eq(users.id, id), isNull(users.localeChosenAt)))
      .returning();
    return rows[0];
  },

  count: async (db: Database): Promise<number> => {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    return rows[0]?.n ?? 0;
  },

  list: (db: Database): Promise<UserRow[]> => db.select().from(users).orderBy(users.createdAt),

  insert: async (
    db: Database,
    values: {
      email: string;
      name: string;
      role: Role;
      passwordHash: string | null;
      extension?: string | null;
    },
  ): Promise<UserRow> => {
    const rows = await db.insert(users).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into users returned no row');
    return row;
  },

  /**
   * Counts a login attempt before its password is checked, in one statement, unless the account is
   * locked at `now`: the attempt that reaches `maxFailures` sets the lock. Returns the row, or
   * undefined when locked. Reserving first means concurrent guesses cannot all slip past the lock
   * while their (slow) password checks run; a successful check clears the count again. A lock that
   * has run out starts the count afresh.
   */
  reserveLoginAttempt: async (
    db: Database,
    id: string,
    now: Date,
    maxFailures: number,
    lockUntil: Date,
  ): Promise<UserRow | undefined> => {
    const nowIso = now.toISOString();
    const count = sql`case when ${users.lockedUntil} is not null and ${users.lockedUntil} <= ${nowIso}::timestamptz then 1 else ${users.failedLogins} + 1 end`;
    const rows = await db
      .update(users)
      .set({
        failedLogins: count,
        lockedUntil: sql`case when (${count}) >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz when ${users.lockedUntil} <= ${nowIso}::timestamptz then null else ${users.lockedUntil} end`,
      })
      .where(and(eq(users.id, id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning();
    return rows[0];
  },

  clearFailedLogins: async (db: Database, id: string): Promise<void> => {
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
  },

  setDisabledAt: async (db: Database, id: string, disabledAt: Date | null): Promise<UserRow | undefined> => {
    const rows = await db.update(users).set({ disabledAt }).where(eq(users.id, id)).returning();
    return rows[0];
  },

  setPassword: async (db: Database, id: string, passwordHash: string): Promise<void> => {
    await db.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
  },
};
