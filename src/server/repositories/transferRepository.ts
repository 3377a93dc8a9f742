import {
  aliasedTable,
  and,
  arrayOverlaps,
  asc,
  desc,
  eq,
  exists,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { z } from 'zod';
import type { Channel } from '../../contract/common/channelSchema.ts';
import type { LeadStatus } from '../../domain/lead/leadStatuses.ts';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { type Opened, openRow } from '../crypto/openRow.ts';
import { sealRow } from '../crypto/sealRow.ts';
import { events } from '../db/jobsSchema.ts';
import { leads } from '../db/leadSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { PrebuiltStatement } from '../db/prebuiltStatement.ts';
import { consultations, users } from '../db/schema.ts';
import {
  type TransferEventDetail,
  transferComments,
  transferCounters,
  transferEvents,
  transfers,
} from '../db/transferSchema.ts';
import { EVENTS_CHANNEL, type LiveEvent, type NewLiveEvent, normaliseEvent } from '../events/publishEvent.ts';
import { sealedTables } from './sealedTables.ts';
import { type TransferTypeKey, transferSettingsRepository } from './transferSettingsRepository.ts';

/** A transfer row, personal fields in clear (sealed at rest, see sealedTables.ts). */
export type TransferRow = Opened<typeof transfers.$inferSelect>;
/** What is written: personal fields in clear; the repository seals them and computes the blind index. */
export type TransferValues = Omit<typeof transfers.$inferInsert, 'personalIndex'>;
/** What filing a transfer writes: every column of a new transfer (personal fields in clear). */
export type FiledTransferValues = Required<
  Pick<
    TransferValues,
    | 'kind'
    | 'consultationId'
    | 'guideId'
    | 'inquiryType'
    | 'channel'
    | 'companyName'
    | 'contactName'
    | 'phone'
    | 'email'
    | 'inquiry'
    | 'reachVia'
    | 'filedBy'
    | 'assigneeId'
    | 'status'
    | 'dueAt'
    | 'createdAt'
    | 'updatedAt'
  >
>;
/** Columns an update may change: none of the personal ones (they are written once, at filing). */
export type TransferUpdate = Partial<
  Omit<
    TransferValues,
    'contactName' | 'phone' | 'email' | 'inquiry' | 'personalDataErasedAt' | 'personalDataErasedReason'
  >
>;
/** A transfer with the names of the people on it, as screens show it. */
export type TransferWithPeople = {
  transfer: TransferRow;
  filedByName: string;
  assigneeName: string | null;
  /** The assignee's account is disabled: nobody is working the transfer until it is reassigned. */
  assigneeDisabled: boolean;
  /**
   * The status of the sign-up lead filed with the transfer; null when none is (a plain transfer,
   * or a lead transfer presented at its filing, before its lead is written).
   */
  leadStatus: LeadStatus | null;
};
/** One history entry with its actor's name (a status note in clear). */
export type TransferEventRow = Opened<typeof transferEvents.$inferSelect> & { actorName: string | null };
/** One comment with its author's name (the body in clear). */
export type TransferCommentRow = Opened<typeof transferComments.$inferSelect> & { authorName: string };

/** A transfer found for a data-subject request, with the lead it belongs to (if any). */
export type SubjectTransferRow = { transfer: TransferRow; leadId: string | null };

/** A transfer still holding personal data whose retention has ended, and what ended it. */
export type DueTransfer = {
  id: string;
  createdAt: Date;
  consultationId: string | null;
  leadId: string | null;
  leadRetentionEndsAt: Date | null;
  consultationRetentionEndsAt: Date | null;
  /** When the consultation or lead it belongs to lost its personal data already. */
  linkedErasedAt: Date | null;
};

/** Queue filters; all optional and combined with AND. */
export type TransferFilter = {
  statuses?: readonly TransferRow['status'][];
  guideIds?: readonly string[];
  inquiryTypes?: readonly number[];
  /** A user id, or null for unassigned transfers. */
  assigneeId?: string | null;
  /** Only transfers held by a disabled account. */
  assigneeDisabled?: true;
  filedBy?: string;
  /** Only transfers late at `now` (see measureTransferSla: due time, or retry time while 연락불가). */
  overdueAt?: Date;
  kind?: TransferRow['kind'];
  /** Filed at or after this instant. */
  createdFrom?: Date;
  /** Filed before this instant. */
  createdBefore?: Date;
};

const filer = aliasedTable(users, 'filer');
const assignee = aliasedTable(users, 'assignee');
const withPeople = {
  transfer: transfers,
  filedByName: filer.name,
  assigneeName: assignee.name,
  assigneeDisabledAt: assignee.disabledAt,
  leadStatus: leads.status,
};
const open = (
  codec: FieldCodec,
  row: typeof transfers.$inferSelect,
  sealedNow?: ReadonlyMap<string, string>,
) => openRow(codec, sealedTables.transfers, row, sealedNow);
const openWithPeople = (
  codec: FieldCodec,
  rows: Array<{
    transfer: typeof transfers.$inferSelect;
    filedByName: string;
    assigneeName: string | null;
    assigneeDisabledAt: Date | null;
    leadStatus: LeadStatus | null;
  }>,
): TransferWithPeople[] =>
  rows.map(({ assigneeDisabledAt, ...row }) => ({
    ...row,
    transfer: open(codec, row.transfer),
    assigneeDisabled: assigneeDisabledAt !== null,
  }));

function whereOf(filter: TransferFilter): SQL | undefined {
  const conditions: Array<SQL | undefined> = [];
  if (filter.statuses?.length) conditions.push(inArray(transfers.status, [...filter.statuses]));
  if (filter.guideIds?.length) conditions.push(inArray(transfers.guideId, [...filter.guideIds]));
  if (filter.inquiryTypes?.length) conditions.push(inArray(transfers.inquiryType, [...filter.inquiryTypes]));
  if (filter.assigneeId === null) conditions.push(isNull(transfers.assigneeId));
  else if (filter.assigneeId !== undefined) conditions.push(eq(transfers.assigneeId, filter.assigneeId));
  // A subquery rather than the list's join: the count runs on transfers alone.
  if (filter.assigneeDisabled)
    conditions.push(
      sql`${transfers.assigneeId} in (select ${users.id} from ${users} where ${users.disabledAt} is not null)`,
    );
  if (filter.filedBy !== undefined) conditions.push(eq(transfers.filedBy, filter.filedBy));
  if (filter.kind !== undefined) conditions.push(eq(transfers.kind, filter.kind));
  if (filter.createdFrom !== undefined) conditions.push(gte(transfers.createdAt, filter.createdFrom));
  if (filter.createdBefore !== undefined) conditions.push(lt(transfers.createdAt, filter.createdBefore));
  if (filter.overdueAt !== undefined) {
    const now = filter.overdueAt;
    // Mirrors measureTransferSla: not yet contacted, and past the due time (or the retry time while 연락불가).
    conditions.push(
      or(
        and(inArray(transfers.status, ['received', 'in-progress']), lt(transfers.dueAt, now)),
        and(eq(transfers.status, 'unreachable'), lt(transfers.retryAt, now)),
      ),
    );
  }
  return and(...conditions);
}

const filed = {
  ...getTableColumns(transfers),
  sequence: sql<number>`(select last from counter)`,
  historyId: sql<number>`(select id from filed_entry)`,
  // In id order, which is the order given; each NOTIFY is sent on commit.
  storedEvents: sql<unknown>`(select json_agg(json_build_object('id', id, 'at', at, 'notified', pg_notify(${sql.placeholder('eventsChannel')}, id::text) is null) order by id) from stored_events)`,
};

const storedEventsSchema = z.array(z.object({ id: z.coerce.number(), at: z.string() }));

/**
 * The filing statement (see insertNumbered), built once per shape: with the rotation's cursor
 * moved in it ('rotate') or not ('keep').
 */
const filingStatement = new PrebuiltStatement((db, shape: `${'rotate' | 'keep'}:${number}`) => {
  const [rotation, earlierCount] = shape.split(':');
  const counter = db.$with('counter').as(
    db
      .insert(transferCounters)
      .values({ year: sql.placeholder('year'), last: 1 })
      .onConflictDoUpdate({
        target: transferCounters.year,
        set: { last: sql`${transferCounters.last} + 1` },
      })
      .returning({ last: transferCounters.last }),
  );
  const consultationId = sql.placeholder('consultationId');
  // Written before its transfer in statement order; the foreign key is checked at the statement's end.
  const filedEntry = db.$with('filed_entry', { id: transferEvents.id }).as(
    sql`insert into ${transferEvents} (transfer_id, actor_id, action, detail, at)
        select ${sql.placeholder('id')}::uuid, ${sql.placeholder('entry_actorId')}::uuid,
               ${sql.placeholder('entry_action')}, ${sql.placeholder('entry_detail')}::jsonb,
               ${sql.placeholder('entry_at')}::timestamptz
        where ${consultationId}::uuid is null
           or not exists (select 1 from ${transfers} where ${transfers.consultationId} = ${consultationId}::uuid)
        returning id`,
  );
  const rotated =
    rotation === 'rotate' ? transferSettingsRepository.advanceRotationExpression(db) : undefined;
  const number = sql`(select 'T-' || ${sql.placeholder('yearText')} || '-' || lpad(last::text, greatest(6, length(last::text)), '0') from counter)`;
  // The events published earlier in the transaction, then the filing's own, given its number.
  const rowsOfEvents = [
    ...Array.from(
      { length: Number(earlierCount) },
      (_, i) => sql`(${sql.placeholder(`event${i}_type`)}, ${sql.placeholder(`event${i}_data`)}::jsonb)`,
    ),
    sql`(${sql.placeholder('filed_type')}, ${sql.placeholder('filed_data')}::jsonb || jsonb_build_object('number', ${number}))`,
  ];
  // Stored only when the transfer is (the history entry's condition); ids follow the rows' order.
  const storedEvents = db.$with('stored_events', { id: events.id, at: events.at }).as(
    sql`insert into ${events} (type, data)
        select type, data from (values ${sql.join(rowsOfEvents, sql`, `)}) as given (type, data)
        where exists (select 1 from filed_entry)
        returning id, at`,
  );
  return db
    .with(counter, filedEntry, storedEvents, ...(rotated ? [rotated] : []))
    .insert(transfers)
    .values({
      id: sql.placeholder('id'),
      number,
      kind: sql.placeholder('kind'),
      consultationId,
      guideId: sql.placeholder('guideId'),
      inquiryType: sql.placeholder('inquiryType'),
      channel: sql.placeholder('channel'),
      companyName: sql.placeholder('companyName'),
      contactName: sql.placeholder('contactName'),
      phone: sql.placeholder('phone'),
      email: sql.placeholder('email'),
      inquiry: sql.placeholder('inquiry'),
      reachVia: sql.placeholder('reachVia'),
      filedBy: sql.placeholder('filedBy'),
      assigneeId: sql.placeholder('assigneeId'),
      status: sql.placeholder('status'),
      dueAt: sql.placeholder('dueAt'),
      personalIndex: sql.placeholder('personalIndex'),
      createdAt: sql.placeholder('createdAt'),
      updatedAt: sql.placeholder('updatedAt'),
    })
    .onConflictDoNothing({ target: transfers.consultationId, where: sql`consultation_id is not null` })
    .returning(filed);
}, filed);

/** SQL for transfers, their history and comments. */
export const transferRepository = {
  /**
   * Numbers and inserts a transfer in one statement (filing is on every finished call's path): a
   * CTE advances the year's counter — atomically, so concurrent filings never share a number — and
   * the number is formatted from it as formatTransferNumber does (`T-<year>-<at least six digits>`;
   * `number` and `sequence` are returned so the caller checks the two agree), and its first history
   * entry is written with it. When the consultation already has a transfer (the partial unique
   * index on consultation_id) nothing is inserted and the answer is undefined; the counter step is
   * undone with the caller's transaction. The caller holds the consultation's row lock, so no other
   * filing from it can commit meanwhile (the history step checks for one in this statement's view).
   * The live events given are stored in it too, notified on commit, when the transfer is.
   */
  insertNumbered: async (
    db: Database,
    codec: FieldCodec,
    year: number,
    values: FiledTransferValues & { id: string },
    history: {
      actorId: string | null;
      action: (typeof transferEvents.$inferInsert)['action'];
      detail: TransferEventDetail;
      at: Date;
    },
    /** The rotation's new cursor, when the transfer goes to the next member on duty. */
    rotation: { key: TransferTypeKey; assigneeId: string } | undefined,
    /**
     * Live events stored with the filing and notified on commit: those the transaction published
     * before it (see takePendingEvents), then its own, whose data gets the transfer's number.
     * Nothing is stored when nothing is filed.
     */
    liveEvents: { earlier: readonly NewLiveEvent[]; filed: NewLiveEvent },
  ): Promise<
    { row: TransferRow; sequence: number; historyId: number; storedEvents: LiveEvent[] } | undefined
  > => {
    const entry = sealRow(codec, sealedTables.transferEvents, { transferId: values.id, ...history });
    const earlier = liveEvents.earlier.map(normaliseEvent);
    const filed = normaliseEvent(liveEvents.filed);
    const sealedNow = new Map<string, string>();
    const rows = await filingStatement.run(db, `${rotation ? 'rotate' : 'keep'}:${earlier.length}`, {
      ...sealRow(codec, sealedTables.transfers, values, 'insert', sealedNow),
      year,
      yearText: String(year),
      entry_actorId: entry.actorId,
      entry_action: entry.action,
      entry_detail: JSON.stringify(entry.detail),
      entry_at: entry.at.toISOString(),
      eventsChannel: EVENTS_CHANNEL,
      ...Object.fromEntries(
        earlier.flatMap((event, i) => [
          [`event${i}_type`, event.type],
          [`event${i}_data`, JSON.stringify(event.data)],
        ]),
      ),
      filed_type: filed.type,
      filed_data: JSON.stringify(filed.data),
      ...(rotation
        ? {
            rotation_guideId: rotation.key.guideId,
            rotation_inquiryType: rotation.key.inquiryType,
            rotation_assigneeId: rotation.assigneeId,
          }
        : {}),
    });
    const inserted = rows[0];
    if (!inserted) return undefined;
    const { sequence, historyId, storedEvents: stored, ...row } = inserted;
    // As jsonb's || left it: the number is the row's, keys in jsonb's order.
    const given = [
      ...earlier,
      normaliseEvent({ type: filed.type, data: { ...filed.data, number: row.number } }),
    ];
    const ids = storedEventsSchema.parse(stored);
    if (ids.length !== given.length)
      throw new Error('the filing stored another number of live events than given');
    const storedEvents = given.map((event, i) => {
      const kept = ids[i];
      if (!kept) throw new Error('the filing stored fewer live events than given');
      return { id: kept.id, type: event.type, data: event.data, at: new Date(kept.at).toISOString() };
    });
    return {
      row: open(codec, row, sealedNow),
      sequence: Number(sequence),
      historyId: Number(historyId),
      storedEvents,
    };
  },

  findById: async (db: Database, codec: FieldCodec, id: string): Promise<TransferWithPeople | undefined> => {
    const rows = await db
      .select(withPeople)
      .from(transfers)
      .innerJoin(filer, eq(filer.id, transfers.filedBy))
      .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
      .leftJoin(leads, eq(leads.transferId, transfers.id))
      .where(eq(transfers.id, id))
      .limit(1);
    return openWithPeople(codec, rows)[0];
  },

  /** How many open (not closed) transfers and leads a person holds, by kind. */
  countOpenOfAssignee: async (
    db: Database,
    assigneeId: string,
  ): Promise<{ transfers: number; leads: number }> => {
    const rows = await db
      .select({ kind: transfers.kind, n: sql<number>`count(*)::int` })
      .from(transfers)
      .where(and(eq(transfers.assigneeId, assigneeId), ne(transfers.status, 'closed')))
      .groupBy(transfers.kind);
    return {
      transfers: rows.find((row) => row.kind === 'transfer')?.n ?? 0,
      leads: rows.find((row) => row.kind === 'lead')?.n ?? 0,
    };
  },

  /** How many open (not closed) transfers and leads each person holds, by kind (nobody holding none). */
  countOpenByAssignee: async (db: Database): Promise<Map<string, { transfers: number; leads: number }>> => {
    const rows = await db
      .select({ assigneeId: transfers.assigneeId, kind: transfers.kind, n: sql<number>`count(*)::int` })
      .from(transfers)
      .where(and(isNotNull(transfers.assigneeId), ne(transfers.status, 'closed')))
      .groupBy(transfers.assigneeId, transfers.kind);
    const held = new Map<string, { transfers: number; leads: number }>();
    for (const row of rows) {
      if (row.assigneeId === null) continue;
      const counts = held.get(row.assigneeId) ?? { transfers: 0, leads: 0 };
      if (row.kind === 'lead') counts.leads += row.n;
      else counts.transfers += row.n;
      held.set(row.assigneeId, counts);
    }
    return held;
  },

  /**
   * Locks the open (not closed) transfers and leads a person holds, for handing them over: by
   * guide and inquiry type (each type's rotation is then locked once, in one order), most urgent
   * first within a type. No personal column is read.
   */
  lockOpenOfAssignee: (
    db: Database,
    assigneeId: string,
  ): Promise<Array<Pick<TransferRow, 'id' | 'kind' | 'guideId' | 'inquiryType'>>> =>
    db
      .select({
        id: transfers.id,
        kind: transfers.kind,
        guideId: transfers.guideId,
        inquiryType: transfers.inquiryType,
      })
      .from(transfers)
      .where(and(eq(transfers.assigneeId, assigneeId), ne(transfers.status, 'closed')))
      .orderBy(
        asc(transfers.guideId),
        asc(transfers.inquiryType),
        sql`coalesce(${transfers.retryAt}, ${transfers.dueAt}) asc`,
        asc(transfers.createdAt),
        asc(transfers.id),
      )
      .for('update'),

  /** Locks a transfer row for the rest of the transaction, so two handlers' changes apply one after the other. */
  lockById: async (db: Database, codec: FieldCodec, id: string): Promise<TransferRow | undefined> => {
    const rows = await db.select().from(transfers).where(eq(transfers.id, id)).for('update').limit(1);
    const row = rows[0];
    return row ? open(codec, row) : undefined;
  },

  /**
   * The consultation a transfer is filed from, locked for the transaction so two filings from one
   * consultation run one after the other (the second then finds the first).
   */
  lockConsultation: async (
    db: Database,
    codec: FieldCodec,
    id: string,
  ): Promise<
    | {
        agentId: string;
        guideId: string;
        guideVersion: string;
        channel: Channel;
        inquiryType: number | null;
        outcome: string | null;
        callerNumber: string | null;
        recordFields: Record<string, string> | null;
      }
    | undefined
  > => {
    const rows = await db
      .select({
        agentId: consultations.agentId,
        guideId: consultations.guideId,
        guideVersion: consultations.guideVersion,
        channel: consultations.channel,
        inquiryType: consultations.inquiryType,
        outcome: consultations.outcome,
        callerNumber: consultations.callerNumber,
        recordFields: consultations.recordFields,
      })
      .from(consultations)
      .where(eq(consultations.id, id))
      .for('update')
      .limit(1);
    const row = rows[0];
    return row ? openRow(codec, sealedTables.consultations, row) : undefined;
  },

  findByConsultation: async (
    db: Database,
    consultationId: string,
  ): Promise<{ id: string; number: string } | undefined> => {
    const rows = await db
      .select({ id: transfers.id, number: transfers.number })
      .from(transfers)
      .where(eq(transfers.consultationId, consultationId))
      .limit(1);
    return rows[0];
  },

  /** Transfer ids by consultation id, for linking consultation records to their transfers. */
  idsByConsultations: async (
    db: Database,
    consultationIds: readonly string[],
  ): Promise<Map<string, string>> => {
    if (consultationIds.length === 0) return new Map();
    const rows = await db
      .select({ id: transfers.id, consultationId: transfers.consultationId })
      .from(transfers)
      .where(inArray(transfers.consultationId, [...consultationIds]));
    return new Map(
      rows.flatMap((row) => (row.consultationId ? [[row.consultationId, row.id] as const] : [])),
    );
  },

  /**
   * Transfers still holding personal data whose retention has ended, for a dry run (no locks):
   * a lead's transfer when the lead's retention ended; a consultation's when the consultation's
   * did (or its personal data is gone already); one filed on its own when filed before `unlinkedCutoff`.
   */
  listDue: (db: Database, now: Date, unlinkedCutoff: Date, limit: number): Promise<DueTransfer[]> =>
    db
      .select({
        id: transfers.id,
        createdAt: transfers.createdAt,
        consultationId: transfers.consultationId,
        leadId: leads.id,
        leadRetentionEndsAt: leads.retentionEndsAt,
        consultationRetentionEndsAt: consultations.retentionEndsAt,
        linkedErasedAt:
          sql<Date | null>`coalesce(${consultations.personalDataErasedAt}, ${leads.personalDataErasedAt})`.mapWith(
            (value: string | Date | null) => (value === null ? null : new Date(value)),
          ),
      })
      .from(transfers)
      .leftJoin(leads, eq(leads.transferId, transfers.id))
      .leftJoin(consultations, eq(consultations.id, transfers.consultationId))
      .where(
        and(
          isNull(transfers.personalDataErasedAt),
          or(
            lte(leads.retentionEndsAt, now),
            isNotNull(leads.personalDataErasedAt),
            lte(consultations.retentionEndsAt, now),
            isNotNull(consultations.personalDataErasedAt),
            and(isNull(transfers.consultationId), isNull(leads.id), lte(transfers.createdAt, unlinkedCutoff)),
          ),
        ),
      )
      .orderBy(asc(transfers.createdAt))
      .limit(limit),

  /**
   * Locks (FOR UPDATE SKIP LOCKED, so purges on several instances take disjoint batches) up to
   * `limit` transfers holding personal data that no lead or consultation purge will reach: filed
   * on their own (no consultation, no lead) before `unlinkedCutoff`, or whose consultation or lead
   * lost its personal data without them (erased before transfers were purged). Call inside a transaction.
   */
  lockUnlinkedExpiredBatch: (
    db: Database,
    unlinkedCutoff: Date,
    limit: number,
  ): Promise<Array<{ id: string; createdAt: Date; consultationId: string | null }>> => {
    const leadOf = db.select({ one: sql`1` }).from(leads).where(eq(leads.transferId, transfers.id));
    return db
      .select({ id: transfers.id, createdAt: transfers.createdAt, consultationId: transfers.consultationId })
      .from(transfers)
      .where(
        and(
          isNull(transfers.personalDataErasedAt),
          or(
            and(
              isNull(transfers.consultationId),
              notExists(leadOf),
              lte(transfers.createdAt, unlinkedCutoff),
            ),
            exists(
              db
                .select({ one: sql`1` })
                .from(consultations)
                .where(
                  and(
                    eq(consultations.id, transfers.consultationId),
                    isNotNull(consultations.personalDataErasedAt),
                  ),
                ),
            ),
            exists(
              db
                .select({ one: sql`1` })
                .from(leads)
                .where(and(eq(leads.transferId, transfers.id), isNotNull(leads.personalDataErasedAt))),
            ),
          ),
        ),
      )
      .orderBy(asc(transfers.createdAt))
      .limit(limit)
      .for('update', { of: transfers, skipLocked: true });
  },

  /** Transfers filed from these consultations that still hold personal data. */
  /** Unerased transfers whose personal fields hold the indexed phone number or e-mail. */
  listUnerasedByPersonalIndex: async (
    db: Database,
    personalIndex: string,
  ): Promise<Array<{ id: string; consultationId: string | null }>> =>
    db
      .select({ id: transfers.id, consultationId: transfers.consultationId })
      .from(transfers)
      .where(
        and(arrayOverlaps(transfers.personalIndex, [personalIndex]), isNull(transfers.personalDataErasedAt)),
      ),

  listUnerasedByConsultations: async (
    db: Database,
    consultationIds: readonly string[],
  ): Promise<Array<{ id: string; consultationId: string }>> => {
    if (consultationIds.length === 0) return [];
    const rows = await db
      .select({ id: transfers.id, consultationId: transfers.consultationId })
      .from(transfers)
      .where(
        and(inArray(transfers.consultationId, [...consultationIds]), isNull(transfers.personalDataErasedAt)),
      );
    return rows.flatMap((row) =>
      row.consultationId ? [{ id: row.id, consultationId: row.consultationId }] : [],
    );
  },

  /**
   * Erases the personal fields — contact name, phone, e-mail, the inquiry text and the comments'
   * bodies (free text that repeats them) — keeping why (`reason`), and keeps number, kind, type,
   * company, status, people and times. Rows are locked in id order first, so two erasures of
   * overlapping sets (purge and a data-subject request) wait for each other instead of
   * deadlocking. Returns the transfers erased now, with their status (they stay locked).
   */
  erasePersonalData: async (
    db: Database,
    ids: readonly string[],
    at: Date,
    reason: NonNullable<TransferRow['personalDataErasedReason']>,
  ): Promise<Array<{ id: string; status: TransferRow['status'] }>> => {
    if (ids.length === 0) return [];
    const locked = await db
      .select({ id: transfers.id, status: transfers.status })
      .from(transfers)
      .where(and(inArray(transfers.id, [...ids]), isNull(transfers.personalDataErasedAt)))
      .orderBy(asc(transfers.id))
      .for('update');
    if (locked.length === 0) return [];
    const lockedIds = locked.map((row) => row.id);
    const rows = await db
      .update(transfers)
      .set({
        contactName: '',
        phone: null,
        email: null,
        inquiry: '',
        personalIndex: null,
        personalDataErasedAt: at,
        personalDataErasedReason: reason,
      })
      .where(and(inArray(transfers.id, lockedIds), isNull(transfers.personalDataErasedAt)))
      .returning({ id: transfers.id });
    await db
      .update(transferComments)
      .set({ body: '' })
      .where(inArray(transferComments.transferId, lockedIds));
    // Status notes are free text about the customer too; the rest of the history stays.
    await db
      .update(transferEvents)
      .set({ detail: sql`${transferEvents.detail} - 'note'` })
      .where(and(inArray(transferEvents.transferId, lockedIds), sql`${transferEvents.detail} ? 'note'`));
    const erased = new Set(rows.map((row) => row.id));
    return locked.filter((row) => erased.has(row.id));
  },

  /**
   * Closes transfers whose personal data was just erased (the caller holds them locked): 종결 now,
   * no retry time. Only the workflow columns; the history entry is the caller's.
   */
  closeErased: async (db: Database, ids: readonly string[], at: Date): Promise<void> => {
    if (ids.length === 0) return;
    await db
      .update(transfers)
      .set({ status: 'closed', retryAt: null, closedAt: at, updatedAt: at })
      .where(and(inArray(transfers.id, [...ids]), ne(transfers.status, 'closed')));
  },

  /** The transfers of these leads and consultations, newest first (data-subject requests). */
  listForSubject: async (
    db: Database,
    codec: FieldCodec,
    scope: { ids: readonly string[]; consultationIds: readonly string[]; personalIndex?: string },
    limit: number,
  ): Promise<SubjectTransferRow[]> => {
    if (scope.ids.length === 0 && scope.consultationIds.length === 0 && scope.personalIndex === undefined)
      return [];
    const rows = await db
      .select({ transfer: transfers, leadId: leads.id })
      .from(transfers)
      .leftJoin(leads, eq(leads.transferId, transfers.id))
      .where(
        or(
          scope.ids.length > 0 ? inArray(transfers.id, [...scope.ids]) : undefined,
          scope.consultationIds.length > 0
            ? inArray(transfers.consultationId, [...scope.consultationIds])
            : undefined,
          scope.personalIndex !== undefined
            ? arrayOverlaps(transfers.personalIndex, [scope.personalIndex])
            : undefined,
        ),
      )
      .orderBy(desc(transfers.createdAt))
      .limit(limit);
    return rows.map((row) => ({ ...row, transfer: open(codec, row.transfer) }));
  },

  update: async (db: Database, id: string, values: TransferUpdate): Promise<void> => {
    const rows = await db
      .update(transfers)
      .set(values)
      .where(eq(transfers.id, id))
      .returning({ id: transfers.id });
    if (!rows[0]) throw new Error(`transfer ${id} vanished during an update`);
  },

  /**
   * A page of the queue. Open work first, most urgent first: transfers not yet contacted by due
   * time (the retry time while 연락불가), then the rest newest first.
   */
  list: async (
    db: Database,
    codec: FieldCodec,
    filter: TransferFilter,
    page: { limit: number; offset: number },
    sort: 'urgency' | 'recent' = 'urgency',
  ): Promise<{ rows: TransferWithPeople[]; total: number }> => {
    const where = whereOf(filter);
    const done = sql`case when ${transfers.status} in ('contacted','closed') then 1 else 0 end`;
    const target = sql`coalesce(${transfers.retryAt}, ${transfers.dueAt})`;
    // 'recent': the last change first (filing, status, assignee, comment), as a filer follows them.
    const order =
      sort === 'recent'
        ? [desc(transfers.updatedAt), desc(transfers.createdAt), desc(transfers.id)]
        : [
            asc(done),
            sql`case when ${transfers.status} in ('contacted','closed') then null else ${target} end asc nulls last`,
            desc(transfers.createdAt),
            desc(transfers.id),
          ];
    const rows = await db
      .select(withPeople)
      .from(transfers)
      .innerJoin(filer, eq(filer.id, transfers.filedBy))
      .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
      .leftJoin(leads, eq(leads.transferId, transfers.id))
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset);
    const counted = await db.select({ n: sql<number>`count(*)::int` }).from(transfers).where(where);
    return { rows: openWithPeople(codec, rows), total: counted[0]?.n ?? 0 };
  },

  appendEvent: async (
    db: Database,
    codec: FieldCodec,
    values: {
      transferId: string;
      actorId: string | null;
      action: (typeof transferEvents.$inferInsert)['action'];
      detail: TransferEventDetail;
      at: Date;
    },
  ): Promise<number> => {
    const rows = await db
      .insert(transferEvents)
      .values(sealRow(codec, sealedTables.transferEvents, values))
      .returning({ id: transferEvents.id });
    const row = rows[0];
    if (!row) throw new Error('insert into transfer_events returned no row');
    return row.id;
  },

  /**
   * Appends the 'erased' history entries of an erasure in one statement. Their detail is the
   * reason and the status moved, never a note (the one sealed key), so there is nothing to seal and
   * the purgers need no field codec.
   */
  appendErasedEvents: async (
    db: Database,
    values: ReadonlyArray<{
      transferId: string;
      actorId: string | null;
      detail: Pick<TransferEventDetail, 'reason' | 'fromStatus' | 'toStatus'>;
      at: Date;
    }>,
  ): Promise<void> => {
    if (values.length === 0) return;
    await db.insert(transferEvents).values(values.map((row) => ({ ...row, action: 'erased' as const })));
  },

  history: async (db: Database, codec: FieldCodec, transferId: string): Promise<TransferEventRow[]> => {
    const rows = await db
      .select({ event: transferEvents, actorName: users.name })
      .from(transferEvents)
      .leftJoin(users, eq(users.id, transferEvents.actorId))
      .where(eq(transferEvents.transferId, transferId))
      .orderBy(asc(transferEvents.id));
    return rows.map((row) => ({
      ...openRow(codec, sealedTables.transferEvents, row.event),
      actorName: row.actorName,
    }));
  },

  insertComment: async (
    db: Database,
    codec: FieldCodec,
    values: typeof transferComments.$inferInsert,
  ): Promise<Opened<typeof transferComments.$inferSelect>> => {
    const rows = await db
      .insert(transferComments)
      .values(sealRow(codec, sealedTables.transferComments, values))
      .returning();
    const row = rows[0];
    if (!row) throw new Error('insert into transfer_comments returned no row');
    return openRow(codec, sealedTables.transferComments, row);
  },

  comments: async (db: Database, codec: FieldCodec, transferId: string): Promise<TransferCommentRow[]> => {
    const rows = await db
      .select({ comment: transferComments, authorName: users.name })
      .from(transferComments)
      .innerJoin(users, eq(users.id, transferComments.authorId))
      .where(eq(transferComments.transferId, transferId))
      .orderBy(asc(transferComments.createdAt), asc(transferComments.id));
    return rows.map((row) => ({
      ...openRow(codec, sealedTables.transferComments, row.comment),
      authorName: row.authorName,
    }));
  },
};
