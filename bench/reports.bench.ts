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
import { createRequestActivity } from '../src/server/http/requestActivity.ts';
import { loadGuideCatalog } from '../src/server/services/guides/loadGuideCatalog.ts';
import { getReportSummary } from '../src/server/services/reports/getReportSummary.ts';
import { createBenchDatabase } from './support/createBenchDatabase.ts';
import { generateReportData } from './support/generateReportData.ts';
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
    activity: createRequestActivity(),
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
    await generateReportData(database, rows);
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
