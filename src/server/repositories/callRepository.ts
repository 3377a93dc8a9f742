import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { type Opened, openRow } from '../crypto/openRow.ts';
import { sealRow } from '../crypto/sealRow.ts';
import { calls } from '../db/ctiSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { consultations, users } from '../db/schema.ts';
import { sealedTables } from './sealedTables.ts';

/** A call row, numbers in clear (sealed at rest, see sealedTables.ts). */
export type CallRow = Opened<typeof calls.$inferSelect>;
/** What is written: numbers in clear; the repository seals them and computes the blind index. */
export type CallValues = Omit<typeof calls.$inferInsert, 'customerIndex'>;

const open = (codec: FieldCodec, row: typeof calls.$inferSelect): CallRow =>
  openRow(codec, sealedTables.calls, row);

// The account holding a callback, beside the one that made it (both join users).
const takers = alias(users, 'callback_takers');

/** SQL for calls reported by PBX integrations. */
export const callRepository = {
  /**
   * Inserts the call unless the integration already reported one with this call id; then locks and
   * returns the stored row (`created` says which). Events of one call are serialised by this lock.
   */
  insertOrLock: async (
    db: Database,
    codec: FieldCodec,
    values: CallValues,
  ): Promise<{ row: CallRow; created: boolean }> => {
    const inserted = await db
      .insert(calls)
      .values(sealRow(codec, sealedTables.calls, values, 'insert'))
      .onConflictDoNothing({ target: [calls.tokenId, calls.externalId] })
      .returning();
    const first = inserted[0];
    if (first) return { row: open(codec, first), created: true };
    const rows = await db
      .select()
      .from(calls)
      .where(and(eq(calls.tokenId, values.tokenId), eq(calls.externalId, values.externalId)))
      .for('update')
      .limit(1);
    const row = rows[0];
    if (!row) throw new Error('call vanished between insert and lock');
    return { row: open(codec, row), created: false };
  },

  update: async (
    db: Database,
    codec: FieldCodec,
    id: string,
    values: Partial<Omit<CallValues, 'customerNumber'>>,
  ): Promise<CallRow> => {
    const rows = await db
      .update(calls)
      .set(sealRow(codec, sealedTables.calls, values, 'update'))
      .where(eq(calls.id, id))
      .returning();
    const row = rows[0];
    if (!row) throw new Error(`call ${id} not found for update`);
    return open(codec, row);
  },

  findById: async (db: Database, codec: FieldCodec, id: string): Promise<CallRow | undefined> => {
    const rows = await db.select().from(calls).where(eq(calls.id, id)).limit(1);
    const row = rows[0];
    return row ? open(codec, row) : undefined;
  },

  /**
   * Calls answered at the agent's extension since `since` whose consultation is still open, newest
   * first (ids only: nothing personal is read).
   */
  listAnsweredSince: async (
    db: Database,
    agentId: string,
    since: Date,
    limit: number,
  ): Promise<Array<{ id: string; consultationId: string }>> => {
    const rows = await db
      .select({ id: calls.id, consultationId: consultations.id })
      .from(calls)
      .innerJoin(consultations, eq(consultations.id, calls.consultationId))
      .where(
        and(
          eq(calls.agentId, agentId),
          // Implied by the next condition; written out so the planner matches calls_agent_answered_idx.
          isNotNull(calls.answeredAt),
          gte(calls.answeredAt, since),
          eq(consultations.status, 'open'),
        ),
      )
      .orderBy(desc(calls.answeredAt), desc(calls.id))
      .limit(limit);
    return rows;
  },

  /** Missed calls with their callback, due first (open) or newest first (done, erased, all). */
  listCallbacks: async (
    db: Database,
    codec: FieldCodec,
    filter: { status: 'open' | 'done' | 'erased' | 'all'; limit: number },
  ): Promise<Array<{ call: CallRow; doneByName: string | null; takenByName: string | null }>> => {
    const rows = await db
      .select({ call: calls, doneByName: users.name, takenByName: takers.name })
      .from(calls)
      .leftJoin(users, eq(users.id, calls.callbackDoneBy))
      .leftJoin(takers, eq(takers.id, calls.callbackTakenBy))
      .where(
        filter.status === 'all'
          ? inArray(calls.callbackStatus, ['open', 'done', 'erased'])
          : eq(calls.callbackStatus, filter.status),
      )
      .orderBy(
        filter.status === 'open' ? asc(calls.callbackDueAt) : desc(calls.callbackDueAt),
        desc(calls.id),
      )
      .limit(filter.limit);
    return rows.map((row) => ({
      call: open(codec, row.call),
      doneByName: row.doneByName,
      takenByName: row.takenByName,
    }));
  },

  /**
   * Takes an open callback for `by` unless someone else took it after `heldSince` (their hold
   * still runs): one statement, so of two people revealing at once one holds it. Taking again
   * one's own callback starts its hold again. True when `by` holds it now.
   */
  takeCallback: async (
    db: Database,
    id: string,
    by: string,
    now: Date,
    heldSince: Date,
  ): Promise<boolean> => {
    const rows = await db
      .update(calls)
      .set({ callbackTakenBy: by, callbackTakenAt: now })
      .where(
        and(
          eq(calls.id, id),
          eq(calls.callbackStatus, 'open'),
          or(
            isNull(calls.callbackTakenBy),
            eq(calls.callbackTakenBy, by),
            isNull(calls.callbackTakenAt),
            lte(calls.callbackTakenAt, heldSince),
          ),
        ),
      )
      .returning({ id: calls.id });
    return rows.length > 0;
  },

  /** Who last took an open callback and when, with their name (nothing personal of the caller). */
  callbackTaker: async (
    db: Database,
    id: string,
  ): Promise<{ takenBy: string | null; takenAt: Date | null; name: string | null } | undefined> => {
    const rows = await db
      .select({ takenBy: calls.callbackTakenBy, takenAt: calls.callbackTakenAt, name: takers.name })
      .from(calls)
      .leftJoin(takers, eq(takers.id, calls.callbackTakenBy))
      .where(and(eq(calls.id, id), eq(calls.callbackStatus, 'open')))
      .limit(1);
    return rows[0];
  },

  /** Marks an open callback done; undefined when it was not open. */
  completeCallback: async (
    db: Database,
    codec: FieldCodec,
    id: string,
    by: string,
    now: Date,
  ): Promise<CallRow | undefined> => {
    const rows = await db
      .update(calls)
      .set({ callbackStatus: 'done', callbackDoneAt: now, callbackDoneBy: by })
      .where(and(eq(calls.id, id), eq(calls.callbackStatus, 'open')))
      .returning();
    const row = rows[0];
    return row ? open(codec, row) : undefined;
  },
};
