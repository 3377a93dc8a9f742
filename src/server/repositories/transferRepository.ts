import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { consultations, users } from '../db/schema.ts';
import {
  type TransferEventDetail,
  transferComments,
  transferCounters,
  transferEvents,
  transfers,
} from '../db/transferSchema.ts';

/** A transfer row. */
export type TransferRow = typeof transfers.$inferSelect;
/** A transfer with the names of the people on it, as screens show it. */
export type TransferWithPeople = {
  transfer: TransferRow;
  filedByName: string;
  assigneeName: string | null;
};
/** One history entry with its actor's name. */
export type TransferEventRow = typeof transferEvents.$inferSelect & { actorName: string | null };
/** One comment with its author's name. */
export type TransferCommentRow = typeof transferComments.$inferSelect & { authorName: string };

/** Queue filters; all optional and combined with AND. */
export type TransferFilter = {
  statuses?: readonly TransferRow['status'][];
  inquiryTypes?: readonly number[];
  /** A user id, or null for unassigned transfers. */
  assigneeId?: string | null;
  filedBy?: string;
  /** Only transfers late at `now` (see measureTransferSla: due time, or retry time while 연락불가). */
  overdueAt?: Date;
  kind?: TransferRow['kind'];
};

const filer = aliasedTable(users, 'filer');
const assignee = aliasedTable(users, 'assignee');
const withPeople = { transfer: transfers, filedByName: filer.name, assigneeName: assignee.name };

function whereOf(filter: TransferFilter): SQL | undefined {
  const conditions: Array<SQL | undefined> = [];
  if (filter.statuses?.length) conditions.push(inArray(transfers.status, [...filter.statuses]));
  if (filter.inquiryTypes?.length) conditions.push(inArray(transfers.inquiryType, [...filter.inquiryTypes]));
  if (filter.assigneeId === null) conditions.push(isNull(transfers.assigneeId));
  else if (filter.assigneeId !== undefined) conditions.push(eq(transfers.assigneeId, filter.assigneeId));
  if (filter.filedBy !== undefined) conditions.push(eq(transfers.filedBy, filter.filedBy));
  if (filter.kind !== undefined) conditions.push(eq(transfers.kind, filter.kind));
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

/** SQL for transfers, their history and comments. */
export const transferRepository = {
  /** The next number in a year's sequence; one atomic statement, so concurrent filings never share one. */
  nextSequence: async (db: Database, year: number): Promise<number> => {
    const rows = await db
      .insert(transferCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: transferCounters.year, set: { last: sql`${transferCounters.last} + 1` } })
      .returning({ last: transferCounters.last });
    const row = rows[0];
    if (!row) throw new Error('transfer counter returned no row');
    return row.last;
  },

  insert: async (db: Database, values: typeof transfers.$inferInsert): Promise<TransferRow> => {
    const rows = await db.insert(transfers).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into transfers returned no row');
    return row;
  },

  findById: async (db: Database, id: string): Promise<TransferWithPeople | undefined> => {
    const rows = await db
      .select(withPeople)
      .from(transfers)
      .innerJoin(filer, eq(filer.id, transfers.filedBy))
      .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
      .where(eq(transfers.id, id))
      .limit(1);
    return rows[0];
  },

  /** Locks a transfer row for the rest of the transaction, so two handlers' changes apply one after the other. */
  lockById: async (db: Database, id: string): Promise<TransferRow | undefined> => {
    const rows = await db.select().from(transfers).where(eq(transfers.id, id)).for('update').limit(1);
    return rows[0];
  },

  /**
   * The consultation a transfer is filed from, locked for the transaction so two filings from one
   * consultation run one after the other (the second then finds the first).
   */
  lockConsultation: async (
    db: Database,
    id: string,
  ): Promise<
    | {
        agentId: string;
        channel: 'call' | 'chat';
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
    return rows[0];
  },

  findByConsultation: async (db: Database, consultationId: string): Promise<TransferRow | undefined> => {
    const rows = await db
      .select()
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

  update: async (
    db: Database,
    id: string,
    values: Partial<typeof transfers.$inferInsert>,
  ): Promise<TransferRow> => {
    const rows = await db.update(transfers).set(values).where(eq(transfers.id, id)).returning();
    const row = rows[0];
    if (!row) throw new Error(`transfer ${id} vanished during an update`);
    return row;
  },

  /**
   * A page of the queue. Open work first, most urgent first: transfers not yet contacted by due
   * time (the retry time while 연락불가), then the rest newest first.
   */
  list: async (
    db: Database,
    filter: TransferFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: TransferWithPeople[]; total: number }> => {
    const where = whereOf(filter);
    const done = sql`case when ${transfers.status} in ('contacted','closed') then 1 else 0 end`;
    const target = sql`coalesce(${transfers.retryAt}, ${transfers.dueAt})`;
    const rows = await db
      .select(withPeople)
      .from(transfers)
      .innerJoin(filer, eq(filer.id, transfers.filedBy))
      .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
      .where(where)
      .orderBy(
        asc(done),
        sql`case when ${transfers.status} in ('contacted','closed') then null else ${target} end asc nulls last`,
        desc(transfers.createdAt),
        desc(transfers.id),
      )
      .limit(page.limit)
      .offset(page.offset);
    const counted = await db.select({ n: sql<number>`count(*)::int` }).from(transfers).where(where);
    return { rows, total: counted[0]?.n ?? 0 };
  },

  appendEvent: async (
    db: Database,
    values: {
      transferId: string;
      actorId: string | null;
      action: (typeof transferEvents.$inferInsert)['action'];
      detail: TransferEventDetail;
      at: Date;
    },
  ): Promise<number> => {
    const rows = await db.insert(transferEvents).values(values).returning({ id: transferEvents.id });
    const row = rows[0];
    if (!row) throw new Error('insert into transfer_events returned no row');
    return row.id;
  },

  history: async (db: Database, transferId: string): Promise<TransferEventRow[]> => {
    const rows = await db
      .select({ event: transferEvents, actorName: users.name })
      .from(transferEvents)
      .leftJoin(users, eq(users.id, transferEvents.actorId))
      .where(eq(transferEvents.transferId, transferId))
      .orderBy(asc(transferEvents.id));
    return rows.map((row) => ({ ...row.event, actorName: row.actorName }));
  },

  insertComment: async (
    db: Database,
    values: typeof transferComments.$inferInsert,
  ): Promise<typeof transferComments.$inferSelect> => {
    const rows = await db.insert(transferComments).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into transfer_comments returned no row');
    return row;
  },

  comments: async (db: Database, transferId: string): Promise<TransferCommentRow[]> => {
    const rows = await db
      .select({ comment: transferComments, authorName: users.name })
      .from(transferComments)
      .innerJoin(users, eq(users.id, transferComments.authorId))
      .where(eq(transferComments.transferId, transferId))
      .orderBy(asc(transferComments.createdAt), asc(transferComments.id));
    return rows.map((row) => ({ ...row.comment, authorName: row.authorName }));
  },
};
