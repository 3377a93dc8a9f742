import { aliasedTable, and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Channel } from '../../contract/common/channelSchema.ts';
import type { ReportGroupBy } from '../../domain/report/reportFigureIds.ts';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { openRow } from '../crypto/openRow.ts';
import { leadCallbacks, leads } from '../db/leadSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';
import { consultations, users } from '../db/schema.ts';
import { transfers } from '../db/transferSchema.ts';
import { sealedTables } from './sealedTables.ts';

/** Who and what a report counts (the query's filters). */
export type ReportFilter = {
  guideId?: string | undefined;
  inquiryType?: number | undefined;
  channel?: Channel | undefined;
  agentId?: string | undefined;
  outcome?: string | undefined;
};

/** The instants a report needs, computed by the service from the calendar (pure domain). */
export type ReportWindow = {
  start: Date;
  end: Date;
  now: Date;
  groupBy: ReportGroupBy;
  /** Seoul date of a completion → the instant its repeat-contact window ends (N business days later). */
  repeatWindowEnds: ReadonlyArray<{ day: string; endsAt: Date }>;
  /** No follow-up after this instant can count (the last window end). */
  lookaheadEnd: Date;
};

const count = z.coerce.number().int();
const nullableNumber = z.union([z.null(), z.coerce.number()]);
const bucketRow = z.object({ bucket: z.string().nullable() });

/**
 * Seoul is UTC+9 all year (since 1988), so local time is a fixed shift; this avoids depending on the
 * database's time-zone data (PGlite, minimal PostgreSQL images).
 */
function seoulBucket(column: SQL, groupBy: ReportGroupBy): SQL {
  const local = sql`((${column}) at time zone 'UTC' + interval '9 hours')`;
  if (groupBy === 'hour') return sql`to_char(${local}, 'YYYY-MM-DD"T"HH24')`;
  if (groupBy === 'week') return sql`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`;
  return sql`to_char(${local}, 'YYYY-MM-DD')`;
}

const all = (conditions: SQL[]): SQL =>
  conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);

/** Conditions on a consultation row aliased `c`. */
export function consultationConditions(filter: ReportFilter, alias: 'c' | 'r' = 'c'): SQL[] {
  // The alias is one of two literals of this file, never input.
  const c = sql.raw(alias);
  const conditions: SQL[] = [];
  if (filter.guideId !== undefined) conditions.push(sql`${c}.guide_id = ${filter.guideId}`);
  if (filter.inquiryType !== undefined) conditions.push(sql`${c}.inquiry_type = ${filter.inquiryType}`);
  if (filter.channel !== undefined) conditions.push(sql`${c}.channel = ${filter.channel}`);
  if (filter.agentId !== undefined) conditions.push(sql`${c}.agent_id = ${filter.agentId}`);
  if (filter.outcome !== undefined) conditions.push(sql`${c}.outcome = ${filter.outcome}`);
  return conditions;
}

/**
 * Agents' work only: the KakaoTalk chatbot's own consultations (`by_bot`, kept from the agent by a
 * trigger, migration 0035) stay out of the consultation figures — counts, handle time, transfer
 * rate, repeat contact, per-path times and their records — since the bot completes each in the
 * instant it makes it; the summary reports them apart (bot.*). A report narrowed to one account
 * (`agentId`, the bot's included) counts that account's consultations as they are.
 */
export function agentWorkConditions(filter: ReportFilter, alias: 'c' | 'r' = 'c'): SQL[] {
  // The alias is one of two literals of this file, never input.
  return filter.agentId === undefined ? [sql`not ${sql.raw(alias)}.by_bot`] : [];
}

/** Conditions on a transfer row aliased `t` (the agent is who filed it; the outcome its consultation's). */
export function transferConditions(filter: ReportFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.guideId !== undefined) conditions.push(sql`t.guide_id = ${filter.guideId}`);
  if (filter.inquiryType !== undefined) conditions.push(sql`t.inquiry_type = ${filter.inquiryType}`);
  if (filter.channel !== undefined) conditions.push(sql`t.channel = ${filter.channel}`);
  if (filter.agentId !== undefined) conditions.push(sql`t.filed_by = ${filter.agentId}`);
  if (filter.outcome !== undefined) {
    conditions.push(
      sql`exists (select 1 from consultations oc where oc.id = t.consultation_id and oc.outcome = ${filter.outcome})`,
    );
  }
  return conditions;
}

/** The repeat-contact window table: Seoul completion date → end of its window. */
function windowTable(window: ReportWindow): SQL {
  const json = JSON.stringify(
    window.repeatWindowEnds.map((entry) => ({ day: entry.day, ends_at: entry.endsAt.toISOString() })),
  );
  return sql`select day, ends_at from jsonb_to_recordset(${json}::jsonb) as w(day text, ends_at timestamptz)`;
}

/**
 * Consultations of the report with, for each, the start of the next consultation of the same caller
 * (blind index), guide and inquiry type — any agent or channel — and the end of its repeat window.
 * The window function reads the caller index in order, so the look-ahead needs no per-row search.
 */
export function repeatSequenceSql(
  filter: ReportFilter,
  window: ReportWindow,
  extraColumns: SQL = sql``,
): SQL {
  const partitionFilter: SQL[] = [];
  if (filter.guideId !== undefined) partitionFilter.push(sql`c.guide_id = ${filter.guideId}`);
  if (filter.inquiryType !== undefined) partitionFilter.push(sql`c.inquiry_type = ${filter.inquiryType}`);
  return sql`
    select s.*, w.ends_at from (
      select c.id, c.status, c.started_at, c.completed_at, c.agent_id, c.by_bot, c.channel, c.outcome, c.guide_id,
        c.inquiry_type ${extraColumns},
        lead(c.started_at) over follow as next_started_at,
        lead(c.id) over follow as next_id
      from consultations c
      where c.caller_index is not null and c.inquiry_type is not null
        and c.started_at >= ${window.start} and c.started_at < ${window.lookaheadEnd}
        and ${all(partitionFilter)}
      window follow as (partition by c.caller_index, c.guide_id, c.inquiry_type order by c.started_at, c.id)
    ) s
    left join (${windowTable(window)}) w
      on w.day = to_char(s.completed_at at time zone 'UTC' + interval '9 hours', 'YYYY-MM-DD')
    where s.started_at < ${window.end}`;
}

const consultationAggregateRow = bucketRow.extend({
  started: count,
  completed: count,
  abandoned: count,
  open: count,
  transferred: count,
  median: nullableNumber,
  p90: nullableNumber,
});
const repeatAggregateRow = bucketRow.extend({ eligible: count, repeated: count });
const transferAggregateRow = bucketRow.extend({ filed: count, met: count, breached: count });
const leadAggregateRow = bucketRow.extend({
  filed: count,
  won: count,
  new: count,
  brochureSent: count,
  called: count,
  lost: count,
});
const callbackDueRow = bucketRow.extend({ due: count });
const attemptRow = z.object({
  bucket: z.string().nullable(),
  outcome: z.string().nullable(),
  attempts: count,
});
const pathRow = z.object({
  guideId: z.string(),
  scriptId: z.string().nullable(),
  inquiryType: z.union([z.null(), z.coerce.number().int()]),
  outcome: z.string().nullable(),
  path: z.unknown(),
  count,
  median: nullableNumber,
  p90: nullableNumber,
});
const backlogRow = z.object({
  under4h: count,
  upTo1d: count,
  upTo3d: count,
  over3d: count,
  overdueCallbacks: count,
});

/**
 * The percentile and window sorts over a year of consultations outgrow PostgreSQL's default 4 MB
 * work_mem and spill to disk; a report's own transaction raises it for its statement only.
 */
function aggregateRows<T extends z.ZodType>(db: Database, query: SQL, row: T) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return queryRows(tx, query, row);
  });
}

/** Age bucket bounds (filing instants) for the backlog, from the calendar. */
export type BacklogBounds = { fourHours: Date; oneDay: Date; threeDays: Date };

/**
 * SQL of the reports: aggregates over consultations, transfers, leads and callbacks, by bucket with
 * a grand total row (`bucket` null) from GROUPING SETS, so a median over the whole range is the true
 * median and not one of medians. Every query is one scan with the report's range and filters.
 */
export const reportRepository = {
  consultationAggregates: (db: Database, filter: ReportFilter, window: ReportWindow) =>
    aggregateRows(
      db,
      sql`
        select case when grouping(${seoulBucket(sql`c.started_at`, window.groupBy)}) = 1 then null
            else ${seoulBucket(sql`c.started_at`, window.groupBy)} end as bucket,
          count(*) as started,
          count(*) filter (where c.status = 'completed') as completed,
          count(*) filter (where c.status = 'abandoned') as abandoned,
          count(*) filter (where c.status = 'open') as open,
          count(*) filter (where c.status = 'completed' and t.id is not null) as transferred,
          percentile_cont(0.5) within group (order by extract(epoch from c.completed_at - c.started_at))
            filter (where c.status = 'completed') as median,
          percentile_cont(0.9) within group (order by extract(epoch from c.completed_at - c.started_at))
            filter (where c.status = 'completed') as p90
        from consultations c
        left join transfers t on t.consultation_id = c.id
        where c.started_at >= ${window.start} and c.started_at < ${window.end}
          and ${all([...consultationConditions(filter), ...agentWorkConditions(filter)])}
        group by grouping sets ((${seoulBucket(sql`c.started_at`, window.groupBy)}), ())`,
      consultationAggregateRow,
    ),

  /** Median and p90 handle time per bucket and in total, from the filtered consultations themselves. */
  handleTimePercentiles: (db: Database, filter: ReportFilter, window: ReportWindow) =>
    aggregateRows(
      db,
      sql`
        select case when grouping(${seoulBucket(sql`c.started_at`, window.groupBy)}) = 1 then null
            else ${seoulBucket(sql`c.started_at`, window.groupBy)} end as bucket,
          percentile_cont(0.5) within group (order by extract(epoch from c.completed_at - c.started_at)) as median,
          percentile_cont(0.9) within group (order by extract(epoch from c.completed_at - c.started_at)) as p90
        from consultations c
        where c.started_at >= ${window.start} and c.started_at < ${window.end} and c.status = 'completed'
          and ${all([...consultationConditions(filter), ...agentWorkConditions(filter)])}
        group by grouping sets ((${seoulBucket(sql`c.started_at`, window.groupBy)}), ())`,
      bucketRow.extend({ median: nullableNumber, p90: nullableNumber }),
    ),

  handleTimeByPath: (db: Database, filter: ReportFilter, window: ReportWindow) =>
    aggregateRows(
      db,
      sql`
        select c.guide_id as "guideId", c.script_id as "scriptId", c.inquiry_type as "inquiryType",
          c.outcome, c.path, count(*) as count,
          percentile_cont(0.5) within group (order by extract(epoch from c.completed_at - c.started_at)) as median,
          percentile_cont(0.9) within group (order by extract(epoch from c.completed_at - c.started_at)) as p90
        from consultations c
        where c.started_at >= ${window.start} and c.started_at < ${window.end} and c.status = 'completed'
          and ${all([...consultationConditions(filter), ...agentWorkConditions(filter)])}
        group by c.guide_id, c.script_id, c.inquiry_type, c.outcome, c.path
        order by count(*) desc
        limit 200`,
      pathRow,
    ),

  /**
   * Completed consultations with a caller and a type (eligible) and those whose caller came back
   * within the window (`next_contact_at`, kept by triggers, before the window's end), per bucket.
   */
  repeatAggregates: (db: Database, filter: ReportFilter, window: ReportWindow) => {
    const bucket = seoulBucket(sql`c.started_at`, window.groupBy);
    return aggregateRows(
      db,
      sql`
        select case when grouping(${bucket}) = 1 then null else ${bucket} end as bucket,
          count(*) as eligible,
          count(*) filter (where c.next_contact_at < w.ends_at) as repeated
        from consultations c
        left join (${windowTable(window)}) w
          on w.day = to_char(c.completed_at at time zone 'UTC' + interval '9 hours', 'YYYY-MM-DD')
        where c.started_at >= ${window.start} and c.started_at < ${window.end} and c.status = 'completed'
          and c.caller_index is not null and c.inquiry_type is not null
          and ${all([...consultationConditions(filter), ...agentWorkConditions(filter)])}
        group by grouping sets ((${bucket}), ())`,
      repeatAggregateRow,
    );
  },

  transferAggregates: (db: Database, filter: ReportFilter, window: ReportWindow) => {
    const bucket = seoulBucket(sql`t.created_at`, window.groupBy);
    return queryRows(
      db,
      sql`
        select case when grouping(${bucket}) = 1 then null else ${bucket} end as bucket,
          count(*) as filed,
          count(*) filter (where least(t.contacted_at, t.closed_at) <= t.due_at) as met,
          count(*) filter (where least(t.contacted_at, t.closed_at) > t.due_at
            or (t.contacted_at is null and t.closed_at is null and t.due_at < ${window.now})) as breached
        from transfers t
        where t.created_at >= ${window.start} and t.created_at < ${window.end}
          and ${all(transferConditions(filter))}
        group by grouping sets ((${bucket}), ())`,
      transferAggregateRow,
    );
  },

  backlog: (db: Database, filter: ReportFilter, window: ReportWindow, bounds: BacklogBounds) =>
    queryRows(
      db,
      sql`
        select
          count(*) filter (where t.created_at > ${bounds.fourHours}) as under4h,
          count(*) filter (where t.created_at <= ${bounds.fourHours} and t.created_at > ${bounds.oneDay}) as "upTo1d",
          count(*) filter (where t.created_at <= ${bounds.oneDay} and t.created_at > ${bounds.threeDays}) as "upTo3d",
          count(*) filter (where t.created_at <= ${bounds.threeDays}) as over3d,
          (select count(*) from leads l join transfers t on t.id = l.transfer_id
            where l.status not in ('won', 'lost') and l.callback_due_at < ${window.now}
              and l.created_at < ${window.end} and ${all(leadConditions(filter))}) as "overdueCallbacks"
        from transfers t
        where t.status in ('received', 'in-progress', 'unreachable') and t.created_at < ${window.end}
          and ${all(transferConditions(filter))}`,
      backlogRow,
    ),

  leadAggregates: (db: Database, filter: ReportFilter, window: ReportWindow) => {
    const bucket = seoulBucket(sql`l.created_at`, window.groupBy);
    return queryRows(
      db,
      sql`
        select case when grouping(${bucket}) = 1 then null else ${bucket} end as bucket,
          count(*) as filed,
          count(*) filter (where l.status = 'won') as won,
          count(*) filter (where l.status = 'new') as new,
          count(*) filter (where l.status = 'brochure-sent') as "brochureSent",
          count(*) filter (where l.status = 'called') as called,
          count(*) filter (where l.status = 'lost') as lost
        from leads l join transfers t on t.id = l.transfer_id
        where l.created_at >= ${window.start} and l.created_at < ${window.end} and ${all(leadConditions(filter))}
        group by grouping sets ((${bucket}), ())`,
      leadAggregateRow,
    );
  },

  callbacksDue: (db: Database, filter: ReportFilter, window: ReportWindow) => {
    const bucket = seoulBucket(sql`d.due_at`, window.groupBy);
    return queryRows(
      db,
      sql`
        select case when grouping(${bucket}) = 1 then null else ${bucket} end as bucket, count(*) as due
        from (
          select l.callback_due_at as due_at from leads l join transfers t on t.id = l.transfer_id
          where l.status not in ('won', 'lost') and l.callback_due_at >= ${window.start}
            and l.callback_due_at < ${window.end} and ${all(leadConditions(filter))}
          union all
          select lc.due_at from lead_callbacks lc join leads l on l.id = lc.lead_id
            join transfers t on t.id = l.transfer_id
          where lc.due_at >= ${window.start} and lc.due_at < ${window.end} and ${all(leadConditions(filter))}
        ) d
        group by grouping sets ((${bucket}), ())`,
      callbackDueRow,
    );
  },

  callbackAttempts: (db: Database, filter: ReportFilter, window: ReportWindow) =>
    queryRows(
      db,
      sql`
        select ${seoulBucket(sql`lc.at`, window.groupBy)} as bucket, lc.outcome, count(*) as attempts
        from lead_callbacks lc join leads l on l.id = lc.lead_id join transfers t on t.id = l.transfer_id
        where lc.at >= ${window.start} and lc.at < ${window.end} and ${all(leadConditions(filter))}
        group by 1, 2`,
      attemptRow,
    ),
};

/** Conditions on a lead `l` joined with its transfer `t`. */
export function leadConditions(filter: ReportFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.guideId !== undefined) conditions.push(sql`l.guide_id = ${filter.guideId}`);
  if (filter.inquiryType !== undefined) conditions.push(sql`t.inquiry_type = ${filter.inquiryType}`);
  if (filter.channel !== undefined) conditions.push(sql`t.channel = ${filter.channel}`);
  if (filter.agentId !== undefined) conditions.push(sql`l.filed_by = ${filter.agentId}`);
  if (filter.outcome !== undefined) {
    conditions.push(
      sql`exists (select 1 from consultations oc where oc.id = l.consultation_id and oc.outcome = ${filter.outcome})`,
    );
  }
  return conditions;
}

/** Filing-time bounds of one backlog age bucket (null: open-ended). */
export type AgeBounds = { after: Date | null; atOrBefore: Date | null };

/** Where a drill-down looks: the range or one bucket of it. */
export type RecordScope = { start: Date; end: Date };

const idPage = z.object({ id: z.string(), total: count });
const repeatPage = idPage.extend({
  nextId: z.string().nullable(),
  nextStartedAt: z.coerce.date().nullable(),
});
const leadPage = idPage.extend({ attempt: z.union([z.null(), z.coerce.number().int()]) });

/** Pagination of a drill-down. */
export type RecordPaging = { limit: number; offset: number };

const page = (paging: RecordPaging) => sql`limit ${paging.limit} offset ${paging.offset}`;

/**
 * The records behind the figures, as ids in a stable order with the total (`count(*) over ()`), so
 * a page costs one scan; the rows themselves are read and masked by the service.
 */
export const reportRecordRepository = {
  consultationIds: (
    db: Database,
    filter: ReportFilter,
    scope: RecordScope,
    where: SQL,
    order: 'newest' | 'longest',
    paging: RecordPaging,
  ) =>
    queryRows(
      db,
      sql`
        select c.id, count(*) over () as total
        from consultations c left join transfers t on t.consultation_id = c.id
        where c.started_at >= ${scope.start} and c.started_at < ${scope.end}
          and ${all([...consultationConditions(filter), ...agentWorkConditions(filter)])} and ${where}
        order by ${order === 'longest' ? sql`c.completed_at - c.started_at desc,` : sql``} c.started_at desc, c.id
        ${page(paging)}`,
      idPage,
    ),

  repeatedConsultationIds: (
    db: Database,
    filter: ReportFilter,
    window: ReportWindow,
    scope: RecordScope,
    paging: RecordPaging,
  ) => {
    const rest: ReportFilter = { channel: filter.channel, agentId: filter.agentId, outcome: filter.outcome };
    return queryRows(
      db,
      sql`
        select r.id, r.next_id as "nextId", r.next_started_at as "nextStartedAt", count(*) over () as total
        from (${repeatSequenceSql(filter, window)}) r
        where r.status = 'completed' and r.next_started_at < r.ends_at
          and r.started_at >= ${scope.start} and r.started_at < ${scope.end}
          and ${all([...consultationConditions(rest, 'r'), ...agentWorkConditions(filter, 'r')])}
        order by r.started_at desc, r.id
        ${page(paging)}`,
      repeatPage,
    );
  },

  transferIds: (db: Database, filter: ReportFilter, where: SQL, paging: RecordPaging) =>
    queryRows(
      db,
      sql`
        select t.id, count(*) over () as total from transfers t
        where ${all(transferConditions(filter))} and ${where}
        order by t.created_at desc, t.id
        ${page(paging)}`,
      idPage,
    ),

  /** Leads or callback attempts (a lead with its attempt number) from `leadSource`/`attemptSource`. */
  leadIds: (db: Database, source: SQL, paging: RecordPaging) =>
    queryRows(
      db,
      sql`
        select x.id, x.attempt, count(*) over () as total
        from (${source}) x
        order by x.sort_at desc, x.id, x.attempt
        ${page(paging)}`,
      leadPage,
    ),

  /** Consultations by id with their agent's name and transfer, the caller number opened. */
  loadConsultations: async (db: Database, codec: FieldCodec, ids: string[]) => {
    if (ids.length === 0) return [];
    const rows = await db
      .select({
        consultation: consultations,
        agentName: users.name,
        transferId: transfers.id,
        transferNumber: transfers.number,
        transferKind: transfers.kind,
      })
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .leftJoin(transfers, eq(transfers.consultationId, consultations.id))
      .where(inArray(consultations.id, ids));
    return rows.map((row) => ({
      ...row,
      consultation: openRow(codec, sealedTables.consultations, row.consultation),
    }));
  },

  /** Transfers by id with the filer's name, contact fields opened. */
  loadTransfers: async (db: Database, codec: FieldCodec, ids: string[]) => {
    if (ids.length === 0) return [];
    const filer = aliasedTable(users, 'filer');
    const rows = await db
      .select({ transfer: transfers, filerName: filer.name })
      .from(transfers)
      .innerJoin(filer, eq(filer.id, transfers.filedBy))
      .where(inArray(transfers.id, ids));
    return rows.map((row) => ({ ...row, transfer: openRow(codec, sealedTables.transfers, row.transfer) }));
  },

  /** Leads by id, contact fields opened. */
  loadLeads: async (db: Database, codec: FieldCodec, ids: string[]) => {
    if (ids.length === 0) return [];
    const rows = await db.select().from(leads).where(inArray(leads.id, ids));
    return rows.map((row) => openRow(codec, sealedTables.leads, row));
  },

  /** Callback attempts by (lead, attempt number). */
  loadAttempts: async (db: Database, keys: Array<{ leadId: string; attempt: number }>) => {
    if (keys.length === 0) return [];
    return db
      .select({
        leadId: leadCallbacks.leadId,
        attempt: leadCallbacks.attempt,
        outcome: leadCallbacks.outcome,
        at: leadCallbacks.at,
        dueAt: leadCallbacks.dueAt,
      })
      .from(leadCallbacks)
      .where(
        and(
          inArray(
            leadCallbacks.leadId,
            keys.map((key) => key.leadId),
          ),
          inArray(
            leadCallbacks.attempt,
            keys.map((key) => key.attempt),
          ),
        ),
      );
  },
};

/** Leads of the report: `l` joined with its transfer `t`, with the filters applied. */
export function leadSource(filter: ReportFilter, where: SQL, sortAt: SQL): SQL {
  return sql`select l.id, null::int as attempt, ${sortAt} as sort_at
    from leads l join transfers t on t.id = l.transfer_id
    where ${all(leadConditions(filter))} and ${where}`;
}

/** Callback attempts of the report's leads. */
export function attemptSource(filter: ReportFilter, where: SQL, sortAt: SQL): SQL {
  return sql`select l.id, lc.attempt, ${sortAt} as sort_at
    from lead_callbacks lc join leads l on l.id = lc.lead_id join transfers t on t.id = l.transfer_id
    where ${all(leadConditions(filter))} and ${where}`;
}

const exportBatchRow = z.object({
  id: z.string(),
  /** The start as the database's text, exact to the microsecond (a JS Date would drop them). */
  cursor: z.string(),
  repeated: z.boolean().nullable(),
});

/** Consultations of an export, in start order, one batch after a keyset cursor; with the repeat flag. */
export function exportConsultationBatch(
  db: Database,
  filter: ReportFilter,
  window: ReportWindow,
  after: { cursor: string; id: string } | null,
  batchSize: number,
) {
  const cursor = after
    ? sql`(c.started_at, c.id) > (${after.cursor}::timestamptz, ${after.id}::uuid)`
    : sql`true`;
  return queryRows(
    db,
    sql`
      select c.id, c.started_at::text as cursor,
        case when c.status <> 'completed' or c.caller_index is null or c.inquiry_type is null then null
          else coalesce(exists (
            select 1 from consultations f
            where f.caller_index = c.caller_index and f.guide_id = c.guide_id and f.inquiry_type = c.inquiry_type
              and (f.started_at, f.id) > (c.started_at, c.id) and f.started_at < w.ends_at
          ), false) end as repeated
      from consultations c
      left join (${windowTable(window)}) w
        on w.day = to_char(c.completed_at at time zone 'UTC' + interval '9 hours', 'YYYY-MM-DD')
      where c.started_at >= ${window.start} and c.started_at < ${window.end}
        and ${all(consultationConditions(filter))} and ${cursor}
      order by c.started_at, c.id
      limit ${batchSize}`,
    exportBatchRow,
  );
}

/** How many consultations an export holds (written to the access log before streaming). */
export async function countExportConsultations(db: Database, filter: ReportFilter, window: ReportWindow) {
  const rows = await queryRows(
    db,
    sql`select count(*) as total from consultations c
      where c.started_at >= ${window.start} and c.started_at < ${window.end} and ${all(consultationConditions(filter))}`,
    z.object({ total: count }),
  );
  return rows[0]?.total ?? 0;
}
