/**
 * The reports summary (GET /api/v1/reports/summary's service: every figure, daily series and
 * breakdowns) over generated data: 1,000,000 consultations on PostgreSQL (target < 1 s) and
 * 100,000 on PGlite, against a bare `count(*)` over the same table measured in the same run.
 * Data is generated in SQL (generate_series) over 2026 with transfers, leads, callback attempts
 * and a pool of callers, so every figure has work to do.
 *
 *   node bench/reports.bench.ts                     PGlite (in memory), then PostgreSQL
 *   --database-url URL                              PostgreSQL admin URL (default IEUM_BENCH_DATABASE_URL,
 *                                                   else a throwaway cluster when PostgreSQL is installed)
 *   --postgres-rows N (default 1000000)  --pglite-rows N (default 100000)  --runs N (default 5)
 *   --only pglite|postgres
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { reportQuerySchema } from '../src/contract/reports/reportQuerySchema.ts';
import type { AppContext } from '../src/server/appContext.ts';
import { createLogger } from '../src/server/createLogger.ts';
import { createLoggedFieldCodec } from '../src/server/crypto/createLoggedFieldCodec.ts';
import { loadFieldKeys } from '../src/server/crypto/loadFieldKeys.ts';
import { type OpenDatabase, openDatabase } from '../src/server/db/openDatabase.ts';
import { queryRows } from '../src/server/db/queryRows.ts';
import { readEnv } from '../src/server/env.ts';
import { createEventHub } from '../src/server/events/createEventHub.ts';
import { loadGuideCatalog } from '../src/server/services/guides/loadGuideCatalog.ts';
import { getReportSummary } from '../src/server/services/reports/getReportSummary.ts';
import { createBenchDatabase } from './support/createBenchDatabase.ts';
import { percentile } from './support/percentile.ts';
import { resolveBenchPostgres } from './support/resolveBenchPostgres.ts';

const TARGET_MS = 1_000;

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'postgres-rows': { type: 'string', default: '1000000' },
    'pglite-rows': { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
  },
});
const runs = Number(options.runs);

/** Generates `rows` consultations over 2026 and their transfers, leads and callbacks, in SQL. */
async function generate(database: OpenDatabase, rows: number): Promise<void> {
  const db = database.db;
  const agents = await queryRows(
    db,
    sql`insert into users (email, name, role)
      select 'bench-agent-' || i || '@ieum.bench', '상담사 ' || i, 'agent' from generate_series(1, 20) i
      returning id`,
    z.object({ id: z.string() }),
  );
  const agentIds = JSON.stringify(agents.map((agent) => agent.id));
  const callers = Math.max(1, Math.floor(rows / 5));
  await db.execute(sql`
    insert into consultations (agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type,
      path, outcome, caller_index, started_at, completed_at, abandoned_at, last_activity_at)
    select (${agentIds}::jsonb ->> (i % 20)::int)::uuid,
      case when i % 4 = 0 then 'chat' else 'call' end,
      case when i % 10 = 0 then 'abandoned' when i % 97 = 1 then 'open' else 'completed' end,
      -- A caller asks about one type, so their calls can repeat; about 1 in 8 does within the window.
      'business-inquiry', '1', 'q' || (i % 4 + 1), ((abs(hashtext(i::text)) % ${callers}) % 6 + 1)::int,
      case when i % 3 = 0 then '[{"nodeId":"q1-registered","answer":"yes"}]'::jsonb
        else '[{"nodeId":"q1-registered","answer":"no"},{"nodeId":"q1-transfer-inquiry","answer":"next"}]'::jsonb end,
      case when i % 10 = 0 or i % 97 = 1 then null when i % 5 = 2 then 'transfer' when i % 5 = 3 then 'lead'
        else 'support-line' end,
      case when i % 9 = 0 then null else 'bench-caller-' || (abs(hashtext(i::text)) % ${callers}) end,
      s.at,
      case when i % 10 = 0 or i % 97 = 1 then null else s.at + ((i * 37) % 1500 + 40) * interval '1 second' end,
      case when i % 10 = 0 then s.at + interval '2 hours' end,
      s.at
    from generate_series(1::bigint, ${rows}::bigint) i,
      lateral (select timestamptz '2026-01-01 00:00+09' + ((i * 104729) % (365 * 86400)) * interval '1 second' as at) s`);
  await db.execute(sql`
    insert into transfers (number, kind, consultation_id, guide_id, inquiry_type, channel, inquiry, filed_by,
      status, due_at, retry_at, contacted_at, closed_at, created_at)
    select 'B-' || c.id, case when c.outcome = 'lead' then 'lead' else 'transfer' end, c.id, c.guide_id,
      c.inquiry_type, c.channel, '문의', c.agent_id,
      case k when 0 then 'received' when 1 then 'in-progress' when 2 then 'unreachable' when 3 then 'contacted'
        else 'closed' end,
      c.completed_at + interval '20 hours',
      case when k = 2 then c.completed_at + interval '24 hours' end,
      case when k = 3 then c.completed_at + ((k * 7) % 40) * interval '1 hour' end,
      case when k >= 4 then c.completed_at + interval '5 hours' end,
      c.completed_at
    from (select c.*, (extract(epoch from c.started_at)::bigint % 9) as k from consultations c
      where c.status = 'completed' and c.outcome in ('transfer', 'lead')) c`);
  await db.execute(sql`
    insert into leads (transfer_id, consultation_id, guide_id, status, company_name, contact_name, phone, email,
      guide_version, filed_by, callback_due_at, retention_ends_at, created_at)
    select t.id, t.consultation_id, t.guide_id,
      (array['new', 'brochure-sent', 'called', 'won', 'lost'])[(extract(epoch from t.created_at)::bigint % 5) + 1],
      '벤치상사', 'enc', 'enc', 'enc', '1', t.filed_by,
      case when extract(epoch from t.created_at)::bigint % 5 in (1, 2) then t.created_at + interval '1 day' end,
      t.created_at + interval '3 years', t.created_at
    from transfers t where t.kind = 'lead'`);
  await db.execute(sql`
    insert into lead_callbacks (lead_id, attempt, outcome, due_at, at)
    select l.id, 1,
      (array['reached', 'no-answer', 'wrong-number', 'signed-up', 'not-interested'])[(extract(epoch from l.created_at)::bigint % 5) + 1],
      l.created_at + interval '1 day', l.created_at + interval '25 hours'
    from leads l where extract(epoch from l.created_at)::bigint % 2 = 0`);
  await db.execute(sql`vacuum analyze`);
}

async function contextFor(database: OpenDatabase): Promise<AppContext> {
  const env = readEnv({
    IEUM_WEB_DIR: '/nonexistent',
    IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  const logger = createLogger('warn', new Writable({ write: (_chunk, _encoding, done) => done() }));
  const fieldKeys = loadFieldKeys(env);
  return {
    env,
    database,
    guides: await loadGuideCatalog(env.IEUM_GUIDES_DIR, { defaultGuideId: env.IEUM_DEFAULT_GUIDE }),
    now: () => new Date('2027-01-04T10:00:00+09:00'),
    logger,
    events: await createEventHub(database, logger),
    fieldKeys,
    fieldCodec: createLoggedFieldCodec(fieldKeys, logger),
  };
}

async function timeRuns(run: () => Promise<unknown>): Promise<{ p50: number; best: number }> {
  await run(); // warm-up: plans, caches, the calendar
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), best: times[0] ?? Number.NaN };
}

async function runOn(kind: 'pglite' | 'postgres', rows: number, url?: string): Promise<void> {
  const database =
    kind === 'pglite'
      ? await openDatabase({ kind: 'pglite-instance', client: await PGlite.create(), closeClient: true })
      : await openDatabase({ kind: 'postgres', url: url ?? '' });
  const ctx = await contextFor(database);
  try {
    const generating = performance.now();
    await generate(database, rows);
    const counted = await queryRows(
      database.db,
      sql`select (select count(*) from consultations) as consultations, (select count(*) from transfers) as transfers,
        (select count(*) from leads) as leads`,
      z.object({ consultations: z.coerce.number(), transfers: z.coerce.number(), leads: z.coerce.number() }),
    );
    console.log(
      `${kind}: generated ${counted[0]?.consultations} consultations, ${counted[0]?.transfers} transfers, ${counted[0]?.leads} leads in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
    );
    const baseline = await timeRuns(() => database.db.execute(sql`select count(*) from consultations`));
    console.log(`${kind}: baseline select count(*) over consultations   p50 ${baseline.p50.toFixed(1)} ms`);
    for (const [label, query] of [
      ['whole year, by day (365 points)', { from: '2026-01-01', to: '2026-12-31', groupBy: 'day' }],
      ['one month, by day', { from: '2026-11-01', to: '2026-11-30', groupBy: 'day' }],
      [
        'one month, one inquiry type, by week',
        { from: '2026-11-01', to: '2026-11-30', groupBy: 'week', inquiryType: '2' },
      ],
      ['one week, by hour', { from: '2026-11-16', to: '2026-11-22', groupBy: 'hour' }],
    ] as const) {
      const parsed = reportQuerySchema.parse(query);
      let figures = '';
      const timing = await timeRuns(async () => {
        const summary = await getReportSummary(ctx, parsed);
        const value = (id: string) => summary.figures.find((figure) => figure.id === id)?.value;
        figures = `started ${value('consultations.started')}, completed ${value('consultations.completed')}, handle median ${value('handleTime.median')} s, repeat ${Number(value('repeatContact.rate')).toFixed(3)}, SLA met ${Number(value('transfer.slaMet')).toFixed(3)}, backlog ${value('transfer.backlog')}`;
      });
      const target =
        kind === 'postgres' && label.startsWith('whole year')
          ? `  (${(timing.p50 / TARGET_MS).toFixed(2)}× of the 1 s target)`
          : '';
      console.log(
        `${kind}: summary ${label.padEnd(40)} p50 ${timing.p50.toFixed(0).padStart(6)} ms, best ${timing.best.toFixed(0)} ms = ${(timing.p50 / baseline.p50).toFixed(1)}× count(*)${target}`,
      );
      console.log(`        ${figures}`);
    }
  } finally {
    await ctx.events.close();
    await database.close();
  }
}

if (options.only !== 'postgres') await runOn('pglite', Number(options['pglite-rows']));
if (options.only !== 'pglite') {
  const postgres = await resolveBenchPostgres(options['database-url']);
  if (!postgres) {
    console.log('postgres: skipped (no IEUM_BENCH_DATABASE_URL and no PostgreSQL server binaries)');
  } else {
    const database = await createBenchDatabase(postgres.adminUrl);
    try {
      await runOn('postgres', Number(options['postgres-rows']), database.url);
    } finally {
      await database.drop();
      postgres.release();
    }
  }
}
