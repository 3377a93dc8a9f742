import { and, arrayOverlaps, asc, desc, eq, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { consultations, users } from '../db/schema.ts';

/** A consultation row. */
export type ConsultationRow = typeof consultations.$inferSelect;
/** A consultation with its agent's name, as lists show it. */
export type ConsultationWithAgent = { consultation: ConsultationRow; agentName: string };

const withAgent = { consultation: consultations, agentName: users.name };

/** SQL for consultations. */
export const consultationRepository = {
  insert: async (db: Database, values: typeof consultations.$inferInsert): Promise<ConsultationRow> => {
    const rows = await db.insert(consultations).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into consultations returned no row');
    return row;
  },

  findById: async (db: Database, id: string): Promise<ConsultationWithAgent | undefined> => {
    const rows = await db
      .select(withAgent)
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .where(eq(consultations.id, id))
      .limit(1);
    return rows[0];
  },

  /** Completes an open consultation; returns undefined when it was not open (already completed by a retry). */
  complete: async (
    db: Database,
    id: string,
    values: Partial<typeof consultations.$inferInsert>,
  ): Promise<ConsultationRow | undefined> => {
    const rows = await db
      .update(consultations)
      // The record supersedes the draft: the work in progress is not kept beside it.
      .set({ ...values, status: 'completed', draft: null })
      .where(and(eq(consultations.id, id), eq(consultations.status, 'open')))
      .returning();
    return rows[0];
  },

  /** Consultations holding any of these blind indexes (phone or email), newest first. */
  findByPersonalIndex: (db: Database, indexes: string[], limit: number): Promise<ConsultationWithAgent[]> =>
    db
      .select(withAgent)
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .where(arrayOverlaps(consultations.personalIndex, indexes))
      .orderBy(desc(consultations.startedAt))
      .limit(limit),

  /** Consultations whose personal data is due for erasure, oldest first (dry run: no locks). */
  listExpired: (db: Database, now: Date, limit: number): Promise<ConsultationRow[]> =>
    db
      .select()
      .from(consultations)
      .where(and(lte(consultations.retentionEndsAt, now), isNull(consultations.personalDataErasedAt)))
      .orderBy(asc(consultations.retentionEndsAt))
      .limit(limit),

  /**
   * Locks up to `limit` consultations due for erasure that no other transaction holds (FOR UPDATE
   * SKIP LOCKED): purges on several instances take disjoint batches. Call inside a transaction.
   */
  lockExpiredBatch: (
    db: Database,
    now: Date,
    limit: number,
  ): Promise<Array<{ id: string; retentionEndsAt: Date | null }>> =>
    db
      .select({ id: consultations.id, retentionEndsAt: consultations.retentionEndsAt })
      .from(consultations)
      .where(and(lte(consultations.retentionEndsAt, now), isNull(consultations.personalDataErasedAt)))
      .orderBy(asc(consultations.retentionEndsAt))
      .limit(limit)
      .for('update', { skipLocked: true }),

  /**
   * Erases the personal fields (caller number, record title, body and fields, their blind indexes)
   * and keeps the rest: channel, status, guide, path, type, outcome, category and times.
   * Returns the ids erased now (already-erased rows are left alone).
   */
  erasePersonalData: async (db: Database, ids: string[], at: Date): Promise<string[]> => {
    if (ids.length === 0) return [];
    const rows = await db
      .update(consultations)
      .set({
        callerNumber: null,
        recordTitle: null,
        recordBody: null,
        recordFields: null,
        draft: null,
        personalIndex: null,
        personalDataErasedAt: at,
      })
      .where(and(inArray(consultations.id, ids), isNull(consultations.personalDataErasedAt)))
      .returning({ id: consultations.id });
    return rows.map((row) => row.id);
  },

  /**
   * Stores a draft of an open consultation when its revision is newer than the stored one (last
   * write wins by revision, so a stale tab cannot overwrite a newer draft), and counts it as
   * activity. Returns undefined when the consultation is not open or the revision is stale.
   */
  saveDraft: async (
    db: Database,
    id: string,
    values: {
      draft: string;
      draftRevision: number;
      draftSavedAt: Date;
      personalIndex: string[] | null;
    },
  ): Promise<{ draftRevision: number; draftSavedAt: Date | null } | undefined> => {
    const rows = await db
      .update(consultations)
      .set({ ...values, lastActivityAt: values.draftSavedAt })
      .where(
        and(
          eq(consultations.id, id),
          eq(consultations.status, 'open'),
          lt(consultations.draftRevision, values.draftRevision),
        ),
      )
      .returning({ draftRevision: consultations.draftRevision, draftSavedAt: consultations.draftSavedAt });
    return rows[0];
  },

  /**
   * Marks up to `limit` open consultations idle since before `idleSince` as abandoned (skipping
   * rows another transaction holds) and, when given, moves their retention end; returns them.
   */
  abandonIdle: async (
    db: Database,
    options: { idleSince: Date; at: Date; retentionEndsAt: Date | undefined; limit: number },
  ): Promise<Array<{ id: string; agentId: string }>> => {
    const idle = db
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(eq(consultations.status, 'open'), lt(consultations.lastActivityAt, options.idleSince)))
      .limit(options.limit)
      .for('update', { skipLocked: true });
    return db
      .update(consultations)
      .set({
        status: 'abandoned',
        abandonedAt: options.at,
        ...(options.retentionEndsAt ? { retentionEndsAt: options.retentionEndsAt } : {}),
      })
      .where(and(inArray(consultations.id, idle), eq(consultations.status, 'open')))
      .returning({ id: consultations.id, agentId: consultations.agentId });
  },

  /** Test servers only: moves a consultation's last activity `minutes` into the past (see testClockRoutes). */
  backdateActivity: async (db: Database, id: string, minutes: number): Promise<boolean> => {
    const rows = await db
      .update(consultations)
      .set({ lastActivityAt: sql`${consultations.lastActivityAt} - make_interval(mins => ${minutes})` })
      .where(eq(consultations.id, id))
      .returning({ id: consultations.id });
    return rows.length > 0;
  },

  /** An agent's consultations still open (in progress), newest first. */
  listOpenByAgent: (db: Database, agentId: string, limit: number): Promise<ConsultationWithAgent[]> =>
    db
      .select(withAgent)
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .where(and(eq(consultations.agentId, agentId), eq(consultations.status, 'open')))
      .orderBy(desc(consultations.startedAt))
      .limit(limit),

  listRecent: (
    db: Database,
    options: { agentId?: string; includeAbandoned?: boolean; limit: number },
  ): Promise<ConsultationWithAgent[]> =>
    db
      .select(withAgent)
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .where(
        and(
          options.agentId ? eq(consultations.agentId, options.agentId) : undefined,
          options.includeAbandoned ? undefined : ne(consultations.status, 'abandoned'),
        ),
      )
      .orderBy(desc(consultations.startedAt))
      .limit(options.limit),
};
