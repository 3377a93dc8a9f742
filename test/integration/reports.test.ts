import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportRecordsPageSchema } from '../../src/contract/reports/reportRecordsPageSchema.ts';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { addBusinessDays } from '../../src/domain/calendar/addBusinessDays.ts';
import { seoulDayStartMs } from '../../src/domain/calendar/toSeoulDay.ts';
import { backlogAgeBoundaries } from '../../src/domain/report/backlogAgeBoundaries.ts';
import { computeReportFigures } from '../../src/domain/report/computeReportFigures.ts';
import { reportFigureIds } from '../../src/domain/report/reportFigureIds.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { loadCalendarFacts } from '../../src/server/services/calendar/loadCalendarFacts.ts';
import { ensureKakaoBotUser } from '../../src/server/services/kakao/ensureKakaoBotUser.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

const FROM = '2026-11-01';
const TO = '2026-11-30';
const START = '2026-11-01T00:00:00+09:00';
const END = '2026-12-01T00:00:00+09:00';
const NOW = '2026-12-02T10:00:00+09:00';
const GENERATED = 1_500;

/**
 * A month of consultations, transfers, leads and callback attempts generated in SQL (41 days around
 * November 2026 so the range's edges matter), with callers drawn from a small pool so repeats occur,
 * weekends and holidays included, every status and outcome.
 */
async function generateMonth(t: TestApp, agents: string[], bot: string): Promise<void> {
  const db = t.ctx.database.db;
  // The KakaoTalk chatbot's own consultations: made and completed in the same few milliseconds (as
  // the bot saves at the conversation's last turn), some with a transfer or lead it filed, some
  // handed-off chats still waiting or abandoned, a few with a caller that may come back.
  await db.execute(sql`
    insert into consultations (id, agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type,
      path, outcome, caller_index, started_at, completed_at, abandoned_at, last_activity_at)
    select gen_random_uuid(), ${bot}::uuid, 'chat',
      case when i % 8 = 0 then 'abandoned' when i % 8 = 1 then 'open' else 'completed' end,
      'business-inquiry', '1', 'q' || (i % 3 + 1), i % 3 + 1,
      '[{"nodeId":"q1-ask","answer":"yes"}]'::jsonb,
      case when i % 8 in (0, 1) then null when i % 4 = 2 then 'transfer' when i % 4 = 3 then 'lead' else 'support-line' end,
      case when i % 5 = 0 then 'caller-' || (i % 90) end,
      s.at,
      case when i % 8 in (0, 1) then null else s.at + (i % 7) * interval '1 millisecond' end,
      case when i % 8 = 0 then s.at + interval '2 hours' end,
      s.at
    from generate_series(1, 240) as i,
      lateral (select timestamptz '2026-10-26 00:00:00+09' + ((i * 104729) % (41 * 86400)) * interval '1 second' as at) s`);
  await db.execute(sql`
    insert into consultations (id, agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type,
      path, outcome, caller_index, started_at, completed_at, abandoned_at, last_activity_at)
    select gen_random_uuid(),
      (${JSON.stringify(agents)}::jsonb ->> (i % 2))::uuid,
      case when i % 4 = 0 then 'chat' else 'call' end,
      case when i % 10 = 0 then 'abandoned' when i % 10 = 1 then 'open' else 'completed' end,
      'business-inquiry', '1', 'q' || (i % 3 + 1),
      case when i % 10 = 0 and i % 20 = 0 then null else i % 3 + 1 end,
      case when i % 2 = 0 then '[{"nodeId":"q1-ask","answer":"yes"}]'::jsonb
        else '[{"nodeId":"q1-ask","answer":"no"},{"nodeId":"q1-hours","answer":"open"}]'::jsonb end,
      case when i % 10 in (0, 1) then null when i % 5 = 2 then 'transfer' when i % 5 = 3 then 'lead' else 'support-line' end,
      case when i % 7 = 0 then null else 'caller-' || (i % 90) end,
      s.at,
      case when i % 10 in (0, 1) then null else s.at + ((i * 37) % 1800 + 30) * interval '1 second' end,
      case when i % 10 = 0 then s.at + interval '2 hours' else null end,
      s.at
    from generate_series(1, ${GENERATED}) as i,
      lateral (select timestamptz '2026-10-26 00:00:00+09' + ((i * 7919) % (41 * 86400)) * interval '1 second'
        + (i % 997) * interval '1 millisecond' as at) s`);
  // Transfers from two thirds of the consultations that ended in a transfer or a lead, plus some filed alone.
  await db.execute(sql`
    insert into transfers (number, kind, consultation_id, guide_id, inquiry_type, channel, inquiry, filed_by,
      status, due_at, retry_at, contacted_at, closed_at, created_at)
    select 'T-2026-' || lpad(row_number() over (order by c.started_at, c.id)::text, 6, '0'),
      case when c.outcome = 'lead' then 'lead' else 'transfer' end,
      c.id, c.guide_id, c.inquiry_type, c.channel, '문의', c.agent_id,
      x.status, c.completed_at + interval '26 hours',
      case when x.status = 'unreachable' then c.completed_at + interval '30 hours' end,
      x.contacted_at, x.closed_at, c.completed_at
    from consultations c,
      lateral (select (extract(epoch from c.started_at)::bigint % 8) as k) k,
      lateral (select
        case when k.k = 3 then 'closed' when k.k in (1, 2) then 'contacted' when k.k = 5 then 'unreachable'
          when k.k = 6 then 'in-progress' else 'received' end as status,
        case k.k when 1 then c.completed_at + interval '2 hours' when 2 then c.completed_at + interval '2 days' end as contacted_at,
        case when k.k = 3 then c.completed_at + interval '3 hours' end as closed_at) x
    where c.status = 'completed' and c.outcome in ('transfer', 'lead')
      and extract(epoch from c.started_at)::bigint % 3 <> 0`);
  await db.execute(sql`
    insert into transfers (number, kind, guide_id, inquiry_type, channel, inquiry, filed_by, status, due_at, created_at)
    select 'T-2026-9' || lpad(i::text, 5, '0'), 'transfer', 'business-inquiry', i % 3 + 1, 'call', '문의',
      ${agents[0]}::uuid, 'received',
      timestamptz '2026-11-01 00:00+09' + (i * 13) * interval '1 hour' + interval '20 hours',
      timestamptz '2026-11-01 00:00+09' + (i * 13) * interval '1 hour'
    from generate_series(1, 60) as i`);
  await db.execute(sql`
    insert into leads (transfer_id, consultation_id, guide_id, status, company_name, contact_name, phone, email,
      guide_version, filed_by, callback_due_at, retention_ends_at, created_at)
    select t.id, t.consultation_id, t.guide_id,
      (array['new', 'brochure-sent', 'called', 'won', 'lost'])[(extract(epoch from t.created_at)::bigint % 5) + 1],
      '이음상사', '홍길동', '010-2345-6789', 'lead@example.com', '1', t.filed_by,
      case when extract(epoch from t.created_at)::bigint % 5 in (1, 2)
        then t.created_at + (extract(epoch from t.created_at)::bigint % 4) * interval '1 day' end,
      t.created_at + interval '3 years', t.created_at
    from transfers t where t.kind = 'lead'`);
  await db.execute(sql`
    insert into lead_callbacks (lead_id, attempt, outcome, due_at, at)
    select l.id, 1,
      (array['reached', 'no-answer', 'wrong-number', 'signed-up', 'not-interested'])[(extract(epoch from l.created_at)::bigint % 5) + 1],
      l.created_at + interval '1 day', l.created_at + interval '25 hours'
    from leads l where extract(epoch from l.created_at)::bigint % 2 = 0`);
}

const countRow = z.object({ n: z.coerce.number() });
const numberRow = z.object({ v: z.union([z.null(), z.coerce.number()]) });

describe.each(testBackends())('reports on $name', (backend) => {
  let t: TestApp;
  let agents: Array<{ id: string; headers: Headers }>;
  let supervisor: { id: string; headers: Headers };
  let admin: { id: string; headers: Headers };
  let bot: string;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agents = [await t.userWithToken('agent'), await t.userWithToken('agent')];
    supervisor = await t.userWithToken('supervisor');
    admin = await t.userWithToken('admin');
    bot = (await ensureKakaoBotUser(t.ctx)).id;
    await generateMonth(
      t,
      agents.map((agent) => agent.id),
      bot,
    );
    t.setNow(NOW);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function summary(query: string, headers: Headers = supervisor.headers) {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/reports/summary?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return reportSummarySchema.parse(response.json());
  }

  const one = async (query: ReturnType<typeof sql>) =>
    (await queryRows(t.ctx.database.db, query, countRow))[0]?.n ?? Number.NaN;
  const value = async (query: ReturnType<typeof sql>) =>
    (await queryRows(t.ctx.database.db, query, numberRow))[0]?.v ?? null;

  it('agrees with a direct SQL count for every figure of a generated month', async () => {
    const report = await summary(`from=${FROM}&to=${TO}`);
    const figure = (id: string) => report.figures.find((entry) => entry.id === id)?.value;
    expect(report.figures.map((entry) => entry.id)).toEqual([...reportFigureIds]);
    // Agents' consultations: the chatbot's own are its line, not theirs.
    const inRange = sql`started_at >= ${START}::timestamptz and started_at < ${END}::timestamptz and agent_id <> ${bot}::uuid`;
    const started = await one(sql`select count(*) as n from consultations where ${inRange}`);
    expect(started).toBeGreaterThan(1_000);
    expect(figure('consultations.started')).toBe(started);
    expect(figure('consultations.completed')).toBe(
      await one(sql`select count(*) as n from consultations where ${inRange} and status = 'completed'`),
    );
    expect(figure('consultations.abandoned')).toBe(
      await one(sql`select count(*) as n from consultations where ${inRange} and status = 'abandoned'`),
    );
    expect(figure('consultations.open')).toBe(
      await one(sql`select count(*) as n from consultations where ${inRange} and status = 'open'`),
    );
    const seconds = sql`extract(epoch from completed_at - started_at)`;
    expect(figure('handleTime.median')).toBeCloseTo(
      Number(
        await value(
          sql`select percentile_cont(0.5) within group (order by ${seconds}) as v from consultations where ${inRange} and status = 'completed'`,
        ),
      ),
      6,
    );
    expect(figure('handleTime.p90')).toBeCloseTo(
      Number(
        await value(
          sql`select percentile_cont(0.9) within group (order by ${seconds}) as v from consultations where ${inRange} and status = 'completed'`,
        ),
      ),
      6,
    );
    const completed = await one(
      sql`select count(*) as n from consultations where ${inRange} and status = 'completed'`,
    );
    const transferred =
      await one(sql`select count(*) as n from consultations c where ${inRange} and status = 'completed'
      and exists (select 1 from transfers t where t.consultation_id = c.id)`);
    expect(transferred).toBeGreaterThan(0);
    expect(figure('transfer.rate')).toBeCloseTo(transferred / completed, 12);

    const filedInRange = sql`created_at >= ${START}::timestamptz and created_at < ${END}::timestamptz`;
    expect(figure('transfer.filed')).toBe(
      await one(sql`select count(*) as n from transfers where ${filedInRange}`),
    );
    const firstResponse = sql`coalesce(case when contacted_at is null then closed_at when closed_at is null then contacted_at
      when contacted_at < closed_at then contacted_at else closed_at end, null)`;
    const met = await one(
      sql`select count(*) as n from transfers where ${filedInRange} and ${firstResponse} <= due_at`,
    );
    const breached = await one(sql`select count(*) as n from transfers where ${filedInRange}
      and (${firstResponse} > due_at or (${firstResponse} is null and due_at < ${NOW}::timestamptz))`);
    expect(met).toBeGreaterThan(0);
    expect(breached).toBeGreaterThan(0);
    expect(figure('transfer.slaMet')).toBeCloseTo(met / (met + breached), 12);
    expect(figure('transfer.slaBreaches')).toBe(breached);
    const backlog = await one(sql`select count(*) as n from transfers
      where status in ('received', 'in-progress', 'unreachable') and created_at < ${END}::timestamptz`);
    expect(figure('transfer.backlog')).toBe(backlog);
    const facts = await loadCalendarFacts(t.ctx);
    const ages = backlogAgeBoundaries(new Date(NOW), facts);
    for (const range of ages) {
      const n = await one(sql`select count(*) as n from transfers
        where status in ('received', 'in-progress', 'unreachable') and created_at < ${END}::timestamptz
          and (${range.after?.toISOString() ?? null}::timestamptz is null or created_at > ${range.after?.toISOString() ?? null}::timestamptz)
          and (${range.atOrBefore?.toISOString() ?? null}::timestamptz is null or created_at <= ${range.atOrBefore?.toISOString() ?? null}::timestamptz)`);
      expect(report.transferBacklogByAge.find((entry) => entry.bucket === range.bucket)?.count).toBe(n);
    }

    const pendingLead = sql`status not in ('won', 'lost')`;
    const due = sql`callback_due_at >= ${START}::timestamptz and callback_due_at < ${END}::timestamptz`;
    const dueAttempts = sql`due_at >= ${START}::timestamptz and due_at < ${END}::timestamptz`;
    expect(figure('callbacks.due')).toBe(
      (await one(sql`select count(*) as n from leads where ${pendingLead} and ${due}`)) +
        (await one(sql`select count(*) as n from lead_callbacks where ${dueAttempts}`)),
    );
    expect(figure('callbacks.overdue')).toBe(
      await one(sql`select count(*) as n from leads where ${pendingLead} and callback_due_at < ${NOW}::timestamptz
        and created_at < ${END}::timestamptz`),
    );
    const attemptsInRange = sql`at >= ${START}::timestamptz and at < ${END}::timestamptz`;
    expect(figure('callbacks.attempts')).toBe(
      await one(sql`select count(*) as n from lead_callbacks where ${attemptsInRange}`),
    );
    for (const entry of report.callbackOutcomes) {
      expect(entry.count).toBe(
        await one(
          sql`select count(*) as n from lead_callbacks where ${attemptsInRange} and outcome = ${entry.outcome}`,
        ),
      );
    }
    expect(figure('leads.filed')).toBe(await one(sql`select count(*) as n from leads where ${filedInRange}`));
    expect(figure('leads.won')).toBe(
      await one(sql`select count(*) as n from leads where ${filedInRange} and status = 'won'`),
    );

    // Repeat contact: an EXISTS per consultation against the window ends of the business calendar.
    const windows = [];
    for (
      let day = Date.parse('2026-11-01T00:00:00Z') / 86_400_000;
      day <= Date.parse('2026-12-02T00:00:00Z') / 86_400_000;
      day++
    ) {
      const ends = addBusinessDays(new Date(seoulDayStartMs(day)), 7, facts);
      windows.push({
        day: new Date(day * 86_400_000).toISOString().slice(0, 10),
        ends_at: ends.endsAt.toISOString(),
      });
    }
    const eligible = sql`${inRange} and status = 'completed' and caller_index is not null and inquiry_type is not null`;
    const repeated = await one(sql`
      select count(*) as n from consultations c
      join jsonb_to_recordset(${JSON.stringify(windows)}::jsonb) as w(day text, ends_at timestamptz)
        on w.day = to_char(c.completed_at at time zone 'UTC' + interval '9 hours', 'YYYY-MM-DD')
      where ${eligible} and exists (
        select 1 from consultations f where f.caller_index = c.caller_index and f.guide_id = c.guide_id
          and f.inquiry_type = c.inquiry_type and (f.started_at > c.started_at or (f.started_at = c.started_at and f.id > c.id))
          and f.started_at < w.ends_at)`);
    const eligibleCount = await one(sql`select count(*) as n from consultations where ${eligible}`);
    expect(repeated).toBeGreaterThan(0);
    expect(repeated).toBeLessThan(eligibleCount);
    expect(figure('repeatContact.count')).toBe(repeated);
    expect(figure('repeatContact.rate')).toBeCloseTo(repeated / eligibleCount, 12);
    // No chatbot conversation here: its line is empty, whatever its consultations.
    expect(figure('bot.resolved')).toBe(0);
    expect(figure('bot.handedOff')).toBe(0);
    expect(figure('bot.resolutionRate')).toBeNull();

    // Every series sums (counts) to its figure, and every bucket of the month is there.
    const startedSeries = report.series.find((series) => series.id === 'consultations.started');
    expect(startedSeries?.points).toHaveLength(30);
    expect(startedSeries?.points.reduce((sum, point) => sum + (point.value ?? 0), 0)).toBe(started);
  });

  it('matches the reference formulas in the domain, totals, series and breakdowns, with filters', async () => {
    const facts = await loadCalendarFacts(t.ctx);
    const rows = await queryRows(
      t.ctx.database.db,
      sql`select c.id, c.status, c.guide_id, c.script_id, c.inquiry_type, c.outcome, c.path, c.started_at,
          c.completed_at, c.caller_index, c.agent_id, c.channel, t.kind as transfer_kind
        from consultations c left join transfers t on t.consultation_id = c.id`,
      z.object({
        id: z.string(),
        status: z.enum(['open', 'completed', 'abandoned']),
        guide_id: z.string(),
        script_id: z.string().nullable(),
        inquiry_type: z.number().nullable(),
        outcome: z.string().nullable(),
        path: z.array(z.object({ nodeId: z.string(), answer: z.string() })),
        started_at: z.coerce.date(),
        completed_at: z.coerce.date().nullable(),
        caller_index: z.string().nullable(),
        agent_id: z.string(),
        channel: z.string(),
        transfer_kind: z.enum(['transfer', 'lead']).nullable(),
      }),
    );
    const transfers = await queryRows(
      t.ctx.database.db,
      sql`select id, status, created_at, due_at, contacted_at, closed_at, filed_by, inquiry_type from transfers`,
      z.object({
        id: z.string(),
        status: z.enum(['received', 'in-progress', 'contacted', 'unreachable', 'closed']),
        created_at: z.coerce.date(),
        due_at: z.coerce.date(),
        contacted_at: z.coerce.date().nullable(),
        closed_at: z.coerce.date().nullable(),
        filed_by: z.string(),
        inquiry_type: z.number(),
      }),
    );
    const leadRows = await queryRows(
      t.ctx.database.db,
      sql`select l.id, l.status, l.created_at, l.callback_due_at, l.filed_by, t.inquiry_type
        from leads l join transfers t on t.id = l.transfer_id`,
      z.object({
        id: z.string(),
        status: z.enum(['new', 'brochure-sent', 'called', 'won', 'lost']),
        created_at: z.coerce.date(),
        callback_due_at: z.coerce.date().nullable(),
        filed_by: z.string(),
        inquiry_type: z.number(),
      }),
    );
    const attempts = await queryRows(
      t.ctx.database.db,
      sql`select lead_id, at, due_at, outcome from lead_callbacks`,
      z.object({
        lead_id: z.string(),
        at: z.coerce.date(),
        due_at: z.coerce.date().nullable(),
        outcome: z.enum(['reached', 'no-answer', 'wrong-number', 'signed-up', 'not-interested']),
      }),
    );
    const agentId = agents[1]?.id ?? '';
    for (const { query, keep } of [
      { query: '', keep: (_agent: string, _type: number | null) => true },
      // The bot's account: its own consultations, counted as they are.
      { query: `&agentId=${bot}&groupBy=week`, keep: (agent: string, _type: number | null) => agent === bot },
      {
        query: `&agentId=${agentId}&inquiryType=2&groupBy=week`,
        keep: (agent: string, type: number | null) => agent === agentId && type === 2,
      },
      // A type alone: the per-path times still come from their rollup (the type is part of a path).
      { query: '&inquiryType=3', keep: (_agent: string, type: number | null) => type === 3 },
    ]) {
      const report = await summary(`from=${FROM}&to=${TO}${query}`);
      const consultations = rows
        .filter((row) => keep(row.agent_id, row.inquiry_type))
        // Agents' figures leave the bot's consultations out, unless the report is for its account.
        .filter((row) => row.agent_id !== bot || query.includes(`agentId=${bot}`))
        .map((row) => ({
          id: row.id,
          status: row.status,
          guideId: row.guide_id,
          scriptId: row.script_id,
          inquiryType: row.inquiry_type,
          outcome: row.outcome,
          path: row.path,
          startedAt: row.started_at,
          completedAt: row.completed_at,
          callerKey: row.caller_index,
          transferKind: row.transfer_kind,
        }));
      const expected = computeReportFigures({
        from: FROM,
        to: TO,
        groupBy: report.groupBy,
        now: new Date(NOW),
        repeatContactDays: 7,
        facts,
        consultations,
        followUps: rows
          .filter(
            (row) =>
              keep(row.agent_id, row.inquiry_type) ||
              !query.includes('inquiryType=') ||
              row.inquiry_type === 2,
          )
          .map((row) => ({
            id: row.id,
            guideId: row.guide_id,
            inquiryType: row.inquiry_type,
            callerKey: row.caller_index,
            startedAt: row.started_at,
          })),
        transfers: transfers
          .filter((row) => keep(row.filed_by, row.inquiry_type))
          .map((row) => ({
            id: row.id,
            status: row.status,
            createdAt: row.created_at,
            dueAt: row.due_at,
            contactedAt: row.contacted_at,
            closedAt: row.closed_at,
          })),
        leads: leadRows
          .filter((row) => keep(row.filed_by, row.inquiry_type))
          .map((row) => ({
            id: row.id,
            status: row.status,
            createdAt: row.created_at,
            callbackDueAt: row.callback_due_at,
          })),
        callbackAttempts: attempts
          .filter((row) =>
            leadRows.some((lead) => lead.id === row.lead_id && keep(lead.filed_by, lead.inquiry_type)),
          )
          .map((row) => ({ leadId: row.lead_id, at: row.at, dueAt: row.due_at, outcome: row.outcome })),
      });
      for (const entry of report.figures) {
        const want = expected.figures[entry.id];
        if (want === null) expect(entry.value, entry.id).toBeNull();
        else expect(entry.value, entry.id).toBeCloseTo(want, 9);
      }
      for (const series of report.series) {
        for (const point of series.points) {
          const want = expected.series[series.id]?.[point.key] ?? null;
          if (want === null) expect(point.value, `${series.id} ${point.key}`).toBeNull();
          else expect(point.value, `${series.id} ${point.key}`).toBeCloseTo(want, 9);
        }
      }
      expect(report.transferBacklogByAge.map((entry) => entry.count)).toEqual(
        Object.values(expected.backlogByAge),
      );
      expect(report.leadsByStatus.map((entry) => entry.count)).toEqual(Object.values(expected.leadsByStatus));
      const paths = new Map(expected.handleTimeByPath.map((row) => [`${row.key}|${row.outcome}`, row]));
      expect(report.handleTimeByPath).toHaveLength(paths.size);
      for (const row of report.handleTimeByPath) {
        const want = paths.get(`${row.key}|${row.outcome}`);
        expect(row.count).toBe(want?.count);
        expect(row.medianSeconds).toBeCloseTo(want?.medianSeconds ?? Number.NaN, 6);
        expect(row.p90Seconds).toBeCloseTo(want?.p90Seconds ?? Number.NaN, 6);
      }
    }
  });

  it('lists the records behind a figure, a series point and a segment, masked; totals equal the figures', async () => {
    const report = await summary(`from=${FROM}&to=${TO}`);
    for (const id of reportFigureIds) {
      const entry = report.figures.find((candidate) => candidate.id === id);
      if (entry?.unit !== 'count') continue;
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/records?from=${FROM}&to=${TO}&figure=${id}&limit=5`,
        headers: supervisor.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = reportRecordsPageSchema.parse(response.json());
      expect(page.total, id).toBe(entry.value);
      expect(page.items.length).toBe(Math.min(5, entry.value ?? 0));
    }
    const point = report.series
      .find((series) => series.id === 'consultations.abandoned')
      ?.points.find((candidate) => (candidate.value ?? 0) > 0);
    const pointPage = reportRecordsPageSchema.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/reports/records?from=${FROM}&to=${TO}&figure=consultations.abandoned&bucket=${point?.key}`,
          headers: supervisor.headers,
        })
      ).json(),
    );
    expect(pointPage.total).toBe(point?.value);
    expect(pointPage.items.every((item) => item.kind === 'consultation' && item.status === 'abandoned')).toBe(
      true,
    );
    const path = report.handleTimeByPath[0];
    const pathPage = reportRecordsPageSchema.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/reports/records?from=${FROM}&to=${TO}&figure=handleTime.median&segment=${encodeURIComponent(path?.key ?? '')}&limit=200`,
          headers: supervisor.headers,
        })
      ).json(),
    );
    expect(pathPage.total).toBe(
      report.handleTimeByPath.filter((row) => row.key === path?.key).reduce((sum, row) => sum + row.count, 0),
    );
    const seconds = pathPage.items.map((item) =>
      item.kind === 'consultation' ? (item.handleSeconds ?? 0) : 0,
    );
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
    const backlog = report.transferBacklogByAge.find((entry) => entry.count > 0);
    const agePage = reportRecordsPageSchema.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/reports/records?from=${FROM}&to=${TO}&figure=transfer.backlog&segment=${backlog?.bucket}`,
          headers: supervisor.headers,
        })
      ).json(),
    );
    expect(agePage.total).toBe(backlog?.count);
    const lead = agePage.items.find((item) => item.kind === 'transfer');
    expect(lead?.kind === 'transfer' && lead.contactName).not.toContain('홍길동');
    const repeats = reportRecordsPageSchema.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/reports/records?from=${FROM}&to=${TO}&figure=repeatContact.rate&limit=3`,
          headers: supervisor.headers,
        })
      ).json(),
    );
    expect(repeats.items.every((item) => item.kind === 'consultation' && item.repeatedBy !== null)).toBe(
      true,
    );
  });

  it('recognises a caller coming back through the API by the blind index of their number', async () => {
    t.setNow('2026-12-11T17:50:00+09:00'); // a Friday, after the generated days
    const declined = {
      channel: 'call' as const,
      callerNumber: '010-3456-7890',
      scriptId: 'q4',
      inquiryType: 6,
      history: [{ nodeId: 'q4-signup', answer: 'no' }],
      record: {
        summary: '비즈니스 가입 문의',
        title: '[비즈니스] 가입 문의',
        body: 'ㄴ 문의 내용 : 가입 문의',
      },
    };
    await recordConsultation(t.app, agents[0]?.headers ?? {}, declined);
    t.setNow('2026-12-14T10:00:00+09:00'); // Monday, one business day later
    await recordConsultation(t.app, agents[1]?.headers ?? {}, { ...declined, callerNumber: '01034567890' });
    const report = await summary('from=2026-12-11&to=2026-12-11');
    expect(report.figures.find((entry) => entry.id === 'repeatContact.rate')?.value).toBe(1);
    const stored = await queryRows(
      t.ctx.database.db,
      sql`select caller_index, caller_number from consultations where started_at >= '2026-12-11'::date`,
      z.object({ caller_index: z.string().nullable(), caller_number: z.string().nullable() }),
    );
    expect(stored).toHaveLength(2);
    expect(stored[0]?.caller_index).toBe(stored[1]?.caller_index);
    // The number in either form, not four of its digits: those turn up in ciphertext by chance.
    for (const clear of ['3456-7890', '34567890']) expect(stored[0]?.caller_number).not.toContain(clear);
    t.setNow(NOW);
  });

  it('exports one CSV row per consultation, masked for supervisors, with a BOM, and logs it', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/export.csv?from=2026-12-11&to=2026-12-14`,
      headers: supervisor.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.startsWith('\uFEFFconsultation_id,started_at')).toBe(true);
    const lines = response.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(response.body).toContain('010-****-7890');
    // repeat_contact, then by_bot (an agent's consultation).
    expect(lines[1]).toMatch(/,Y,N$/);
    const month = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/export.csv?from=${FROM}&to=${TO}`,
      headers: admin.headers,
    });
    const started = await one(
      sql`select count(*) as n from consultations where started_at >= ${START}::timestamptz and started_at < ${END}::timestamptz`,
    );
    expect(month.body.trim().split('\r\n')).toHaveLength(started + 1);
    const logged = await one(
      sql`select count(*) as n from audit_events where action in ('report.export', 'personal-data.export')`,
    );
    expect(logged).toBe(2);
  });

  it('is for supervisors and admins only, and names the wrong parameter', async () => {
    const forbidden = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/summary',
      headers: agents[0]?.headers ?? {},
    });
    expect(forbidden.statusCode).toBe(403);
    for (const url of [
      '/api/v1/reports/records?figure=consultations.started',
      '/api/v1/reports/export.csv',
    ]) {
      expect((await t.app.inject({ method: 'GET', url, headers: agents[0]?.headers ?? {} })).statusCode).toBe(
        403,
      );
    }
    expect((await summary('', admin.headers)).figures).toHaveLength(reportFigureIds.length);
    for (const [query, where] of [
      ['from=2026-11-30&to=2026-11-01', 'from'],
      ['from=2026-13-01', 'from'],
      ['groupBy=month', 'groupBy'],
      ['groupBy=hour&from=2026-01-01&to=2026-03-01', 'to'],
      ['inquiryType=abc', 'inquiryType'],
      ['agentId=nope', 'agentId'],
    ]) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/summary?${query}`,
        headers: supervisor.headers,
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json().errors), query).toContain(where);
    }
    for (const [query, where] of [
      ['figure=nope', 'figure'],
      ['figure=consultations.started&bucket=2027-01-01&from=2026-11-01&to=2026-11-30', 'bucket'],
      ['figure=transfer.backlog&segment=forever', 'segment'],
      ['figure=consultations.started&segment=x', 'segment'],
    ]) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/records?${query}`,
        headers: supervisor.headers,
      });
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json().errors), query).toContain(where);
    }
  });
});
