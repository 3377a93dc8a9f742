import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { transferPathFinishBody } from '../../bench/support/transferPathFinishBody.ts';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { ensureKakaoBotUser, KAKAO_BOT_EMAIL } from '../../src/server/services/kakao/ensureKakaoBotUser.ts';
import { rebuildReportRollups } from '../../src/server/services/reports/rebuildReportRollups.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { declinedSignUpBody } from '../helpers/declinedSignUpBody.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const rollupRow = z.object({ key: z.string(), n: z.coerce.number().int() });

/**
 * The report rollups are kept by triggers in the writing transaction, at its commit. After every
 * kind of write — the API's start and finish (with a transfer), bulk inserts, status and time
 * changes, a transfer filed in the same statement as its consultation's update, detached or
 * deleted, a consultation deleted, personal data erased — they must equal the same aggregates taken
 * directly from the base tables, and a rebuild must change nothing.
 */
describe.each(testBackends())('report rollups on $name', (backend) => {
  let t: TestApp;
  let agent: { id: string; headers: { authorization: string } };
  let supervisor: { id: string; headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    supervisor = await t.userWithToken('supervisor');
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = (query: ReturnType<typeof sql>) => queryRows(t.ctx.database.db, query, rollupRow);
  const day = sql`((c.started_at at time zone 'UTC') + interval '9 hours')::date`;
  const seconds = sql`(extract(epoch from c.completed_at - c.started_at))::double precision`;
  const seoulDate = (at: ReturnType<typeof sql>) =>
    sql`((${at} at time zone 'UTC') + interval '9 hours')::date`;
  const completedOn = seoulDate(sql`c.completed_at`);
  // The chatbot's own consultation, told by its account (not by the by_bot column under test): in
  // the consultation counts with the flag, out of the handle-time, repeat and path rollups.
  const byBot = sql`(c.agent_id in (select u.id from users u where u.email = ${KAKAO_BOT_EMAIL}))`;
  // Each consultation's next contact as the report defined it: the next start in its caller's chain.
  const nextContacts = sql`
    select id, case when caller_index is not null and inquiry_type is not null then
      lead(started_at) over (partition by caller_index, guide_id, inquiry_type order by started_at, id) end as next
    from consultations`;

  /** The rollups as they are, and as direct aggregates of consultations and transfers say they should be. */
  async function compare() {
    const kept = await rows(sql`
      select concat_ws('|', day, guide_id, inquiry_type, channel, agent_id, outcome, status, transferred, by_bot) as key,
        consultations as n
      from report_consultation_days where consultations <> 0
      union all
      select concat_ws('|', 'bin', day, bin_floor, bin_width) as key, completed as n
      from report_handle_time_days where completed <> 0
      union all
      select concat_ws('|', 'repeat', day, completed_on, gap_days) as key, completed as n
      from report_repeat_days where completed <> 0
      union all
      select concat_ws('|', 'next', id, next_contact_at) as key, 1 as n from consultations where next_contact_at is not null
      union all
      select concat_ws('|', 'path', day, path_key, guide_id, script_id, inquiry_type, outcome, path::text, timed) as key,
        completed as n
      from report_path_days where completed <> 0
      union all
      select concat_ws('|', 'activity', day, measure, detail) as key, count as n
      from report_activity_days where count <> 0
      order by 1`);
    const direct = await rows(sql`
      select concat_ws('|', ${day}, c.guide_id, c.inquiry_type, c.channel, c.agent_id, c.outcome, c.status,
          c.status = 'completed' and exists (select 1 from transfers t where t.consultation_id = c.id),
          ${byBot}) as key,
        count(*) as n
      from consultations c group by 1
      union all
      select concat_ws('|', 'bin', ${day}, ieum_handle_bin_floor(${seconds}), ieum_handle_bin_width(${seconds})) as key,
        count(*) as n
      from consultations c where c.status = 'completed' and c.completed_at is not null and not ${byBot} group by 1
      union all
      select concat_ws('|', 'repeat', x.day, x.completed_on, case when x.gap <= 120 then x.gap end) as key, count(*) as n
      from (
        select ${day} as day, ${completedOn} as completed_on,
          case when n.next is not null then greatest(${seoulDate(sql`n.next`)} - ${completedOn}, 0) end as gap
        from consultations c join (${nextContacts}) n on n.id = c.id
        where c.status = 'completed' and c.caller_index is not null and c.inquiry_type is not null and not ${byBot}
      ) x group by 1
      union all
      select concat_ws('|', 'next', n.id, n.next) as key, 1 as n from (${nextContacts}) n where n.next is not null
      union all
      select concat_ws('|', 'path', ${day}, md5(json_build_array(c.guide_id, c.script_id, c.inquiry_type, c.outcome, c.path)::text),
          c.guide_id, c.script_id, c.inquiry_type, c.outcome, c.path::text, count(c.completed_at)) as key,
        count(*) as n
      from consultations c where c.status = 'completed' and not ${byBot}
      group by ${day}, c.guide_id, c.script_id, c.inquiry_type, c.outcome, c.path::text, c.path
      union all
      select concat_ws('|', 'activity', x.day, x.measure, x.detail) as key, count(*) as n
      from (
        select ${seoulDate(sql`t.created_at`)} as day, 'transfer' as measure,
          case when least(t.contacted_at, t.closed_at) is null
              then 'open:' || to_char(${seoulDate(sql`t.due_at`)}, 'YYYY-MM-DD')
            when least(t.contacted_at, t.closed_at) <= t.due_at then 'met' else 'late' end as detail
        from transfers t
        union all
        select ${seoulDate(sql`l.created_at`)}, 'lead', l.status from leads l
        union all
        select ${seoulDate(sql`l.callback_due_at`)}, 'callback.due', 'lead' from leads l
        where l.status not in ('won', 'lost') and l.callback_due_at is not null
        union all
        select ${seoulDate(sql`lc.due_at`)}, 'callback.due', 'attempt' from lead_callbacks lc where lc.due_at is not null
        union all
        select ${seoulDate(sql`lc.at`)}, 'callback.attempt', lc.outcome from lead_callbacks lc
      ) x group by 1
      order by 1`);
    return { kept, direct };
  }

  async function expectInStep() {
    const { kept, direct } = await compare();
    expect(kept).toEqual(direct);
    const rebuilt = await rebuildReportRollups(t.ctx.database.db);
    expect(rebuilt.consultationDays).toBeGreaterThan(0);
    expect((await compare()).kept).toEqual(direct);
  }

  it('follow the API: start, finish with a transfer, finish without', async () => {
    t.setNow('2026-11-24T10:00:00+09:00');
    const start = async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers: agent.headers,
        payload: { channel: 'call', guideId: 'business-inquiry' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const transferred = await start();
    const plain = await start();
    await start(); // stays open
    await expectInStep();
    t.advance(95_500);
    const finished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${transferred}/finish`,
      headers: { ...agent.headers, 'idempotency-key': `finish-${transferred}` },
      payload: transferPathFinishBody,
    });
    expect(finished.statusCode, finished.body).toBe(200);
    t.advance(1_250);
    const saved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${plain}/complete`,
      headers: agent.headers,
      payload: declinedSignUpBody,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await expectInStep();

    const summary = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/summary?from=2026-11-24&to=2026-11-24',
      headers: supervisor.headers,
    });
    const report = reportSummarySchema.parse(summary.json());
    const figure = (id: string) => report.figures.find((entry) => entry.id === id)?.value;
    expect(figure('consultations.started')).toBe(3);
    expect(figure('consultations.completed')).toBe(2);
    expect(figure('consultations.open')).toBe(1);
    expect(figure('transfer.rate')).toBe(0.5);
    // 95.5 s and 96.75 s: the median interpolates between the exact values, not their bins.
    expect(figure('handleTime.median')).toBeCloseTo(96.125, 9);
    expect(figure('handleTime.p90')).toBeCloseTo(96.625, 9);
  });

  it("keep the chatbot's own consultations out of the agents' handle-time, repeat and path rollups, and move one an agent picks up", async () => {
    const db = t.ctx.database.db;
    const bot = await ensureKakaoBotUser(t.ctx);
    // The bot saves a consultation at the conversation's last turn, completed in the same instant.
    await db.execute(sql`
      insert into consultations (agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type, path,
        outcome, caller_index, started_at, completed_at, last_activity_at)
      select ${bot.id}::uuid, 'chat', case when i % 4 = 0 then 'open' else 'completed' end, 'business-inquiry', '1',
        'q1', 1, '[{"nodeId":"q1-ask","answer":"yes"}]'::jsonb, case when i % 4 = 0 then null else 'support-line' end,
        case when i % 3 = 0 then 'caller-' || (i % 13) end, s.at,
        case when i % 4 = 0 then null else s.at + interval '4 milliseconds' end, s.at
      from generate_series(1, 40) i,
        lateral (select timestamptz '2026-11-03 09:00+09' + i * interval '17 minutes' as at) s`);
    expect(
      (
        await queryRows(
          db,
          sql`select count(*) as n from consultations where by_bot`,
          z.object({ n: z.coerce.number() }),
        )
      )[0]?.n,
    ).toBe(40);
    await expectInStep();
    // A handed-off chat: an agent picks it up (the consultation becomes theirs) and saves it.
    await db.execute(sql`
      update consultations set agent_id = ${agent.id}::uuid
      where id = (select id from consultations where by_bot and status = 'open' order by started_at limit 1)`);
    await db.execute(sql`
      update consultations set status = 'completed', outcome = 'support-line', completed_at = started_at + interval '7 minutes'
      where agent_id = ${agent.id}::uuid and channel = 'chat' and status = 'open' and script_id = 'q1'`);
    await expectInStep();
  });

  it('follow bulk and direct writes, a transfer filed in the statement that completes its consultation, and deletions', async () => {
    const db = t.ctx.database.db;
    await db.execute(sql`
      insert into consultations (agent_id, channel, status, guide_id, guide_version, inquiry_type, outcome,
        caller_index, started_at, completed_at, abandoned_at, last_activity_at)
      select ${agent.id}::uuid, case when i % 3 = 0 then 'chat' else 'call' end, 'open', 'business-inquiry', '1',
        i % 4 + 1, null, case when i % 6 <> 0 then 'caller-' || (i % 13) end, s.at, null, null, s.at
      from generate_series(1, 200) i,
        lateral (select timestamptz '2026-11-01 08:00+09' + (i * 7919 % (20 * 86400)) * interval '1 second'
          + (i % 7) * interval '123 milliseconds' as at) s`);
    await expectInStep();
    // Most complete (handle times across every bin width), some are abandoned.
    await db.execute(sql`
      update consultations set status = 'completed', outcome = 'support-line',
        script_id = 'q' || ((hashtext(id::text) & 3) + 1),
        path = case when hashtext(id::text) & 4 = 0 then '[{"nodeId":"q1-ask","answer":"yes"}]'::jsonb else '[]'::jsonb end,
        completed_at = started_at + ((hashtext(id::text) & 65535) % 40000) * interval '1.5 second'
      where status = 'open' and started_at < '2026-11-20' and hashtext(id::text) % 5 <> 0`);
    await db.execute(sql`
      update consultations set status = 'abandoned', abandoned_at = started_at + interval '2 hours'
      where status = 'open' and started_at < '2026-11-20'`);
    await expectInStep();
    // The folded finish: one statement completes a consultation and files its transfer.
    await db.execute(sql`
      with open as (select id from consultations where status = 'open' and inquiry_type is not null limit 3),
        done as (
          update consultations c set status = 'completed', outcome = 'transfer', completed_at = c.started_at + interval '5 minutes'
          from open where c.id = open.id returning c.id, c.guide_id, c.inquiry_type, c.channel, c.agent_id, c.completed_at)
      insert into transfers (number, kind, consultation_id, guide_id, inquiry_type, channel, inquiry, filed_by, due_at, created_at)
      select 'R-' || done.id, 'transfer', done.id, done.guide_id, done.inquiry_type, done.channel, '문의', done.agent_id,
        done.completed_at + interval '1 day', done.completed_at
      from done`);
    await expectInStep();
    // Transfers filed later for completed ones; then one detached, one deleted.
    await db.execute(sql`
      insert into transfers (number, kind, consultation_id, guide_id, inquiry_type, channel, inquiry, filed_by, due_at, created_at)
      select 'L-' || c.id, 'lead', c.id, c.guide_id, c.inquiry_type, c.channel, '문의', c.agent_id,
        c.completed_at + interval '1 day', c.completed_at
      from consultations c
      where c.status = 'completed' and c.filed_transfer = false and hashtext(c.id::text) % 4 = 0`);
    await expectInStep();
    await db.execute(sql`
      update transfers set consultation_id = null
      where id = (select id from transfers where number like 'L-%' order by number limit 1)`);
    await db.execute(
      sql`delete from transfers where id = (select id from transfers where number like 'R-%' order by number limit 1)`,
    );
    await expectInStep();
    // Leads on the lead transfers, callback attempts, then their lives: contact and close of transfers,
    // status and due changes, an attempt corrected, a lead and a transfer (with its lead) deleted.
    await db.execute(sql`
      insert into leads (transfer_id, consultation_id, guide_id, status, company_name, contact_name, phone, email,
        guide_version, filed_by, callback_due_at, retention_ends_at, created_at)
      select t.id, t.consultation_id, t.guide_id, 'new', 'enc', 'enc', 'enc', 'enc', '1', t.filed_by,
        t.created_at + interval '1 day', t.created_at + interval '3 years', t.created_at
      from transfers t where t.kind = 'lead'`);
    await db.execute(sql`
      insert into lead_callbacks (lead_id, attempt, outcome, due_at, at)
      select l.id, 1, case when hashtext(l.id::text) & 1 = 0 then 'no-answer' else 'reached' end,
        case when hashtext(l.id::text) & 2 = 0 then l.callback_due_at end, l.created_at + interval '25 hours'
      from leads l`);
    await expectInStep();
    await db.execute(sql`
      update transfers set contacted_at = created_at + case when hashtext(id::text) & 1 = 0 then interval '2 hours' else interval '3 days' end
      where hashtext(id::text) & 6 = 0`);
    await db.execute(
      sql`update transfers set closed_at = created_at + interval '1 hour' where hashtext(id::text) & 6 = 2`,
    );
    await db.execute(sql`
      update leads set status = case when hashtext(id::text) & 1 = 0 then 'won' else 'called' end,
        callback_due_at = callback_due_at + interval '2 days'
      where hashtext(id::text) & 2 = 0`);
    await db.execute(sql`
      update lead_callbacks set outcome = 'signed-up', at = at + interval '1 day'
      where id = (select min(id) from lead_callbacks)`);
    await expectInStep();
    await db.execute(sql`delete from leads where id = (select id from leads order by created_at limit 1)`);
    await db.execute(sql`
      delete from transfers where id = (select transfer_id from leads order by created_at desc limit 1)`);
    await expectInStep();
    // Corrections of the keys: type, start time (another day), agent's outcome; and a deletion.
    await db.execute(sql`
      update consultations set inquiry_type = 2, started_at = started_at - interval '1 day'
      where id in (select id from consultations where status = 'completed' order by started_at limit 10)`);
    await db.execute(sql`
      delete from consultations where id in (select consultation_id from transfers where consultation_id is not null
        order by number limit 2)`);
    await expectInStep();
    // A path corrected after the fact, and one completed without a completion time (not in the quantiles).
    await db.execute(sql`
      update consultations set path = '[{"nodeId":"q1-ask","answer":"no"}]'::jsonb, script_id = 'q2'
      where id in (select id from consultations where status = 'completed' order by started_at desc limit 5)`);
    await db.execute(sql`
      update consultations set completed_at = null
      where id = (select id from consultations where status = 'completed' order by started_at desc offset 5 limit 1)`);
    await expectInStep();
    // Callers coming back: one contact between two of a chain, one completed before its caller's next
    // started (a second line); a consultation moved to another caller and past its successor.
    await db.execute(sql`
      insert into consultations (agent_id, channel, status, guide_id, guide_version, inquiry_type, outcome, caller_index,
        started_at, completed_at, last_activity_at)
      select ${agent.id}::uuid, 'call', 'completed', 'business-inquiry', '1', c.inquiry_type, 'support-line',
        c.caller_index, c.started_at + interval '1 second', c.started_at + interval '3 days', c.started_at
      from consultations c where c.caller_index is not null and c.inquiry_type is not null and c.status = 'completed'
      order by c.started_at limit 2`);
    await expectInStep();
    await db.execute(sql`
      update consultations set caller_index = 'caller-moved', started_at = started_at + interval '2 days'
      where id in (select id from consultations where caller_index = 'caller-3' order by started_at limit 2)`);
    await db.execute(sql`
      update consultations set started_at = started_at + interval '6 days'
      where id = (select id from consultations where caller_index = 'caller-4' order by started_at limit 1)`);
    await expectInStep();

    // Transfer, lead and callback figures through the rollup equal direct counts, in total and per
    // bucket — an open transfer due earlier today (before now) breached, one due later today not yet.
    t.setNow('2026-11-24T10:00:00+09:00');
    await db.execute(sql`
      insert into transfers (number, kind, guide_id, inquiry_type, channel, inquiry, filed_by, due_at, created_at)
      values ('D-1', 'transfer', 'business-inquiry', 1, 'call', '문의', ${agent.id}, '2026-11-24T09:00+09:00', '2026-11-23T12:00+09:00'),
        ('D-2', 'transfer', 'business-inquiry', 1, 'call', '문의', ${agent.id}, '2026-11-24T11:00+09:00', '2026-11-23T12:00+09:00')`);
    await expectInStep();
    const now = '2026-11-24T10:00:00+09:00';
    const filedDay = seoulDate(sql`t.created_at`);
    for (const groupBy of ['day', 'week'] as const) {
      const report = reportSummarySchema.parse(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/reports/summary?from=2026-10-30&to=2026-11-25&groupBy=${groupBy}`,
            headers: supervisor.headers,
          })
        ).json(),
      );
      const bucketOf = (column: ReturnType<typeof sql>) =>
        groupBy === 'week'
          ? sql`to_char(${column} - (extract(isodow from ${column})::int - 1), 'YYYY-MM-DD')`
          : sql`to_char(${column}, 'YYYY-MM-DD')`;
      const direct = await queryRows(
        db,
        sql`select coalesce(${bucketOf(filedDay)}, '') as key, count(*) as filed,
            count(*) filter (where least(t.contacted_at, t.closed_at) <= t.due_at) as met,
            count(*) filter (where least(t.contacted_at, t.closed_at) > t.due_at
              or (least(t.contacted_at, t.closed_at) is null and t.due_at < ${now}::timestamptz)) as breached
          from transfers t
          where t.created_at >= '2026-10-30T00:00+09:00' and t.created_at < '2026-11-26T00:00+09:00'
          group by grouping sets ((${bucketOf(filedDay)}), ())`,
        z.object({
          key: z.string(),
          filed: z.coerce.number(),
          met: z.coerce.number(),
          breached: z.coerce.number(),
        }),
      );
      const value = (id: string, key: string) =>
        key === ''
          ? report.figures.find((entry) => entry.id === id)?.value
          : report.series.find((series) => series.id === id)?.points.find((point) => point.key === key)
              ?.value;
      for (const row of direct) {
        expect(value('transfer.filed', row.key), `${groupBy} ${row.key}`).toBe(row.filed);
        expect(value('transfer.slaBreaches', row.key), `${groupBy} ${row.key}`).toBe(row.breached);
        const met = value('transfer.slaMet', row.key);
        if (row.met + row.breached === 0) expect(met, `${groupBy} ${row.key}`).toBeNull();
        else expect(met, `${groupBy} ${row.key}`).toBeCloseTo(row.met / (row.met + row.breached), 12);
      }
      const leadsDirect = await queryRows(
        db,
        sql`select
            (select count(*) from leads where created_at >= '2026-10-30T00:00+09:00' and created_at < '2026-11-26T00:00+09:00') as filed,
            (select count(*) from leads where status = 'won' and created_at >= '2026-10-30T00:00+09:00' and created_at < '2026-11-26T00:00+09:00') as won,
            (select count(*) from leads where status not in ('won', 'lost') and callback_due_at >= '2026-10-30T00:00+09:00'
              and callback_due_at < '2026-11-26T00:00+09:00')
            + (select count(*) from lead_callbacks where due_at >= '2026-10-30T00:00+09:00' and due_at < '2026-11-26T00:00+09:00') as due,
            (select count(*) from lead_callbacks where at >= '2026-10-30T00:00+09:00' and at < '2026-11-26T00:00+09:00') as attempts`,
        z.object({
          filed: z.coerce.number(),
          won: z.coerce.number(),
          due: z.coerce.number(),
          attempts: z.coerce.number(),
        }),
      );
      expect(leadsDirect[0]?.filed).toBeGreaterThan(0);
      expect(value('leads.filed', '')).toBe(leadsDirect[0]?.filed);
      expect(value('leads.won', '')).toBe(leadsDirect[0]?.won);
      expect(value('callbacks.due', '')).toBe(leadsDirect[0]?.due);
      expect(value('callbacks.attempts', '')).toBe(leadsDirect[0]?.attempts);
    }
    const breachedToday = await queryRows(
      db,
      sql`select count(*) as n from transfers where number = 'D-1' and due_at < ${now}::timestamptz`,
      z.object({ n: z.coerce.number() }),
    );
    expect(breachedToday[0]?.n).toBe(1);

    // Per path: the counts and quantiles read through the rollup are count(*) and percentile_cont's
    // over the agents' consultations (the chatbot's own are its line).
    const byPath = await queryRows(
      db,
      sql`select c.guide_id as "guideId", c.script_id as "scriptId", c.inquiry_type as "inquiryType", c.outcome,
          c.path::text as path, count(*) as count,
          percentile_cont(0.5) within group (order by ${seconds}) as median,
          percentile_cont(0.9) within group (order by ${seconds}) as p90
        from consultations c
        where c.status = 'completed' and not ${byBot} and c.started_at >= '2026-10-30T00:00+09:00' and c.started_at < '2026-11-26T00:00+09:00'
        group by 1, 2, 3, 4, c.path::text`,
      z.object({
        guideId: z.string(),
        scriptId: z.string().nullable(),
        inquiryType: z.coerce.number().nullable(),
        outcome: z.string().nullable(),
        path: z.string(),
        count: z.coerce.number(),
        median: z.coerce.number().nullable(),
        p90: z.coerce.number().nullable(),
      }),
    );
    expect(byPath.length).toBeGreaterThan(8);
    const steps = (path: Array<{ nodeId: string; answer: string }>) =>
      path.map((step) => `${step.nodeId}=${step.answer}`).join(',');
    const pathReport = reportSummarySchema.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/reports/summary?from=2026-10-30&to=2026-11-25',
          headers: supervisor.headers,
        })
      ).json(),
    );
    expect(pathReport.handleTimeByPath).toHaveLength(byPath.length);
    for (const want of byPath) {
      const got = pathReport.handleTimeByPath.find(
        (row) =>
          row.guideId === want.guideId &&
          row.scriptId === want.scriptId &&
          row.inquiryType === want.inquiryType &&
          row.outcome === want.outcome &&
          steps(row.path) ===
            steps(z.array(z.object({ nodeId: z.string(), answer: z.string() })).parse(JSON.parse(want.path))),
      );
      expect(got?.count, want.path).toBe(want.count);
      // A path whose only consultations have no completion time has no quantiles: null on both
      // sides (which of the random ids gets there varies from run to run).
      if (want.median === null) expect(got?.medianSeconds ?? null).toBeNull();
      else expect(got?.medianSeconds).toBeCloseTo(want.median, 9);
      if (want.p90 === null) expect(got?.p90Seconds ?? null).toBeNull();
      else expect(got?.p90Seconds).toBeCloseTo(want.p90, 9);
    }

    // The quantiles read through the rollup are percentile_cont's over the agents' consultations, in
    // total and for every day and week (a day of the chatbot's 4 ms consultations is not 0 s).
    for (const groupBy of ['day', 'week']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/summary?from=2026-10-30&to=2026-11-25&groupBy=${groupBy}`,
        headers: supervisor.headers,
      });
      const report = reportSummarySchema.parse(response.json());
      const direct = await queryRows(
        db,
        sql`select coalesce(x.k, '') as key,
          percentile_cont(0.5) within group (order by x.s) as median,
          percentile_cont(0.9) within group (order by x.s) as p90
        from (
          select ${groupBy === 'week' ? sql`to_char(${day} - (extract(isodow from ${day})::int - 1), 'YYYY-MM-DD')` : sql`to_char(${day}, 'YYYY-MM-DD')`} as k,
            ${seconds} as s
          from consultations c
          where c.status = 'completed' and not ${byBot}
            and c.started_at >= '2026-10-30T00:00+09:00' and c.started_at < '2026-11-26T00:00+09:00'
        ) x
        group by grouping sets ((x.k), ())`,
        z.object({ key: z.string(), median: z.coerce.number(), p90: z.coerce.number() }),
      );
      expect(direct.length).toBeGreaterThan(3);
      for (const row of direct) {
        const median =
          row.key === ''
            ? report.figures.find((entry) => entry.id === 'handleTime.median')?.value
            : report.series
                .find((series) => series.id === 'handleTime.median')
                ?.points.find((point) => point.key === row.key)?.value;
        const p90 =
          row.key === ''
            ? report.figures.find((entry) => entry.id === 'handleTime.p90')?.value
            : report.series
                .find((series) => series.id === 'handleTime.p90')
                ?.points.find((point) => point.key === row.key)?.value;
        expect(median, `${groupBy} ${row.key}`).toBeCloseTo(row.median, 9);
        expect(p90, `${groupBy} ${row.key}`).toBeCloseTo(row.p90, 9);
      }
    }
  });

  it('hold no personal data: erasing it changes nothing but the repeat facts, which follow the caller index', async () => {
    const counts = (rows: Array<{ key: string; n: number }>) =>
      rows.filter((row) => !row.key.startsWith('repeat|') && !row.key.startsWith('next|'));
    const before = await compare();
    expect(before.kept.filter((row) => row.key.startsWith('next|')).length).toBeGreaterThan(10);
    // One caller's consultations first (a chain broken in the middle), then everyone's.
    await t.ctx.database.db.execute(sql`
      update consultations set caller_number = null, caller_index = null, personal_data_erased_at = now()
      where id in (select id from consultations where caller_index = 'caller-5' order by started_at offset 1 limit 2)`);
    await expectInStep();
    await t.ctx.database.db.execute(sql`
      update consultations set caller_number = null, caller_index = null, record_title = null, record_body = null,
        personal_data_erased_at = now()`);
    const after = await compare();
    expect(counts(after.kept)).toEqual(counts(before.kept));
    expect(after.kept).toEqual(after.direct);
    expect(after.kept.filter((row) => row.key.startsWith('next|'))).toEqual([]);
  });

  it('count each write once at its commit, also when a rebuild runs in the same transaction', async () => {
    const db = t.ctx.database.db;
    const supportLineOfType3 = sql`
      select coalesce(sum(consultations), 0) as n, '' as key from report_consultation_days
      where outcome = 'support-line' and inquiry_type = 3 and status = 'completed'`;
    const [before] = await rows(supportLineOfType3);
    // The triggers are deferred to the commit: inside the transaction the rollups have not moved yet.
    const [inside] = await db.transaction(async (tx) => {
      await tx.execute(sql`
        update consultations set outcome = 'support-line', inquiry_type = 3
        where id in (select id from consultations where status = 'completed' and inquiry_type <> 3 order by id limit 5)`);
      return queryRows(tx, supportLineOfType3, rollupRow);
    });
    expect(inside?.n).toBe(before?.n);
    expect((await rows(supportLineOfType3))[0]?.n).toBe((before?.n ?? 0) + 5);
    await expectInStep();
    // A rebuild after writes of its own transaction fires their triggers first, so nothing is
    // counted on top of the recomputed rows at the commit.
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        update consultations set started_at = started_at + interval '1 day'
        where id in (select id from consultations order by id desc limit 7)`);
      await tx.execute(sql`
        insert into transfers (number, kind, consultation_id, guide_id, inquiry_type, channel, inquiry, filed_by, due_at, created_at)
        select 'B-' || c.id, 'transfer', c.id, c.guide_id, c.inquiry_type, c.channel, '문의', c.agent_id,
          c.started_at + interval '1 day', c.started_at
        from consultations c
        where c.status = 'completed' and not c.filed_transfer and c.inquiry_type is not null
        order by c.id limit 2`);
      await tx.execute(sql`select ieum_report_rollups_rebuild()`);
    });
    const { kept, direct } = await compare();
    expect(kept).toEqual(direct);
  });
});
