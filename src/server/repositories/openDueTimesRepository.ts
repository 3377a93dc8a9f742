import { and, eq, gte, inArray, isNull, max, notInArray, or, sql } from 'drizzle-orm';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { sealRow } from '../crypto/sealRow.ts';
import { calls } from '../db/ctiSchema.ts';
import { leadCallbacks, leads } from '../db/leadSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { type TransferEventDetail, transferEvents, transfers } from '../db/transferSchema.ts';
import { sealedTables } from './sealedTables.ts';

/** Rows written per statement when re-timing (bounded parameters per statement). */
const RETIME_BATCH = 500;

/** An open transfer with a due time or retry time on or after a day: what re-timing it needs. */
export type OpenTransferTimes = {
  id: string;
  number: string;
  kind: (typeof transfers.$inferSelect)['kind'];
  assigneeId: string | null;
  filedBy: string;
  guideId: string;
  inquiryType: number;
  status: (typeof transfers.$inferSelect)['status'];
  createdAt: Date;
  dueAt: Date;
  retryAt: Date | null;
  /** Whether its SLA still runs: never contacted nor closed (a reopened transfer's SLA was met). */
  slaRunning: boolean;
};

/** A lead's pending callback on or after a day, with what its due time was computed from. */
export type PendingLeadCallback = {
  id: string;
  transferId: string;
  status: (typeof leads.$inferSelect)['status'];
  callbackDueAt: Date;
  callbackAttempts: number;
  createdAt: Date;
  brochureSentAt: Date | null;
  filedBy: string;
  assigneeId: string | null;
};

/** A missed call's open callback on or after a day. */
export type OpenMissedCallback = { id: string; endedAt: Date | null; callbackDueAt: Date };

/**
 * SQL for the due times set on the business calendar that are still ahead of the work (open
 * transfers, pending lead callbacks, missed calls' callbacks): found from an instant on and locked,
 * so a company closure added or removed can re-time them in its own transaction.
 */
export const openDueTimesRepository = {
  /**
   * Transfers not contacted or closed due at or after `from` (transfers_open_due_idx), and 연락불가
   * ones whose retry time is, locked in id order (as the workflow locks one at a time).
   */
  lockOpenTransfersFrom: async (db: Database, from: Date): Promise<OpenTransferTimes[]> => {
    const rows = await db
      .select({
        id: transfers.id,
        number: transfers.number,
        kind: transfers.kind,
        assigneeId: transfers.assigneeId,
        filedBy: transfers.filedBy,
        guideId: transfers.guideId,
        inquiryType: transfers.inquiryType,
        status: transfers.status,
        createdAt: transfers.createdAt,
        dueAt: transfers.dueAt,
        retryAt: transfers.retryAt,
        contactedAt: transfers.contactedAt,
        closedAt: transfers.closedAt,
      })
      .from(transfers)
      .where(
        and(
          inArray(transfers.status, ['received', 'in-progress', 'unreachable']),
          or(
            and(isNull(transfers.contactedAt), isNull(transfers.closedAt), gte(transfers.dueAt, from)),
            and(eq(transfers.status, 'unreachable'), gte(transfers.retryAt, from)),
          ),
        ),
      )
      .orderBy(transfers.id)
      .for('update');
    return rows.map(({ contactedAt, closedAt, ...row }) => ({
      ...row,
      slaRunning: contactedAt === null && closedAt === null,
    }));
  },

  /**
   * Writes re-timed transfers (locked by the caller) and their history entries ('due-changed'), a
   * few statements for the lot rather than two per transfer: PGlite runs one transaction at a time.
   * Answers each transfer's history entry id, for the announcements.
   */
  retimeTransfers: async (
    db: Database,
    codec: FieldCodec,
    changes: ReadonlyArray<{ id: string; dueAt: Date; retryAt: Date | null; detail: TransferEventDetail }>,
    actorId: string,
    at: Date,
  ): Promise<Map<string, number>> => {
    const historyIds = new Map<string, number>();
    for (let start = 0; start < changes.length; start += RETIME_BATCH) {
      const batch = changes.slice(start, start + RETIME_BATCH);
      const values = sql.join(
        batch.map(
          (change) =>
            sql`(${change.id}::uuid, ${change.dueAt.toISOString()}::timestamptz, ${change.retryAt?.toISOString() ?? null}::timestamptz)`,
        ),
        sql`, `,
      );
      // A retry time is only written where it moved (null keeps the stored one).
      await db.execute(
        sql`update ${transfers} set due_at = v.due_at, retry_at = coalesce(v.retry_at, ${transfers.retryAt}),
              updated_at = ${at.toISOString()}::timestamptz
            from (values ${values}) as v(id, due_at, retry_at) where ${transfers.id} = v.id`,
      );
      const rows = await db
        .insert(transferEvents)
        .values(
          batch.map((change) =>
            sealRow(codec, sealedTables.transferEvents, {
              transferId: change.id,
              actorId,
              action: 'due-changed' as const,
              detail: change.detail,
              at,
            }),
          ),
        )
        .returning({ id: transferEvents.id, transferId: transferEvents.transferId });
      for (const row of rows) historyIds.set(row.transferId, row.id);
    }
    return historyIds;
  },

  /** When each transfer last changed status (for 연락불가, when its retry time was set). */
  lastStatusChanges: async (db: Database, transferIds: readonly string[]): Promise<Map<string, Date>> => {
    if (transferIds.length === 0) return new Map();
    const rows = await db
      .select({ transferId: transferEvents.transferId, at: max(transferEvents.at) })
      .from(transferEvents)
      .where(
        and(
          inArray(transferEvents.transferId, [...transferIds]),
          eq(transferEvents.action, 'status-changed'),
        ),
      )
      .groupBy(transferEvents.transferId);
    return new Map(rows.flatMap((row) => (row.at ? [[row.transferId, row.at] as const] : [])));
  },

  /** Leads not won or lost with a callback due at or after `from`, locked (the leads rows only). */
  lockPendingLeadCallbacksFrom: async (db: Database, from: Date): Promise<PendingLeadCallback[]> => {
    const rows = await db
      .select({
        id: leads.id,
        transferId: leads.transferId,
        status: leads.status,
        callbackDueAt: leads.callbackDueAt,
        callbackAttempts: leads.callbackAttempts,
        createdAt: leads.createdAt,
        brochureSentAt: leads.brochureSentAt,
        filedBy: leads.filedBy,
        assigneeId: transfers.assigneeId,
      })
      .from(leads)
      .innerJoin(transfers, eq(transfers.id, leads.transferId))
      .where(and(notInArray(leads.status, ['won', 'lost']), gte(leads.callbackDueAt, from)))
      .orderBy(leads.id)
      .for('update', { of: leads });
    return rows.flatMap(({ callbackDueAt, ...row }) => (callbackDueAt ? [{ ...row, callbackDueAt }] : []));
  },

  /** When each lead's last callback attempt was made (a 부재중's next try is counted from it). */
  lastCallbackAttempts: async (db: Database, leadIds: readonly string[]): Promise<Map<string, Date>> => {
    if (leadIds.length === 0) return new Map();
    const rows = await db
      .select({ leadId: leadCallbacks.leadId, at: max(leadCallbacks.at) })
      .from(leadCallbacks)
      .where(inArray(leadCallbacks.leadId, [...leadIds]))
      .groupBy(leadCallbacks.leadId);
    return new Map(rows.flatMap((row) => (row.at ? [[row.leadId, row.at] as const] : [])));
  },

  setLeadCallbackDue: async (db: Database, id: string, callbackDueAt: Date, at: Date): Promise<void> => {
    await db.update(leads).set({ callbackDueAt, updatedAt: at }).where(eq(leads.id, id));
  },

  /** Missed calls whose callback is open and due at or after `from`, locked (calls_callback_idx). */
  lockOpenMissedCallbacksFrom: async (db: Database, from: Date): Promise<OpenMissedCallback[]> => {
    const rows = await db
      .select({ id: calls.id, endedAt: calls.endedAt, callbackDueAt: calls.callbackDueAt })
      .from(calls)
      .where(and(eq(calls.callbackStatus, 'open'), gte(calls.callbackDueAt, from)))
      .orderBy(calls.id)
      .for('update');
    return rows.flatMap(({ callbackDueAt, ...row }) => (callbackDueAt ? [{ ...row, callbackDueAt }] : []));
  },

  setMissedCallbackDue: async (db: Database, id: string, callbackDueAt: Date): Promise<void> => {
    await db.update(calls).set({ callbackDueAt }).where(eq(calls.id, id));
  },
};
