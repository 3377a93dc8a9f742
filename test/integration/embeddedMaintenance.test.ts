import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobs } from '../../src/server/db/jobsSchema.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { maintainEmbeddedDatabase } from '../../src/server/services/maintenance/maintainEmbeddedDatabase.ts';
import {
  EMBEDDED_MAINTENANCE_JOB,
  scheduleEmbeddedMaintenance,
} from '../../src/server/services/maintenance/scheduleEmbeddedMaintenance.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const tableState = z.object({
  analysed: z.boolean(),
  vacuumed: z.boolean(),
  reltuples: z.coerce.number(),
  deadRows: z.coerce.number(),
});

/** Seventy calls started by an agent over the API: past the analyse threshold (50 + 10% of none) of consultations. */
async function startSeventyCalls(t: TestApp): Promise<void> {
  const agent = await t.userWithToken('agent');
  for (let i = 0; i < 70; i++) {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(started.statusCode, started.body).toBe(201);
  }
}

describe.each(testBackends())('vacuum and analyse of the embedded database on $name', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function consultationsTable() {
    // A backend reports its counts at most once a second; the pass reads them ten minutes apart.
    await t.ctx.database.db.execute(sql`select pg_stat_force_next_flush()`);
    const [row] = await queryRows(
      t.ctx.database.db,
      sql`select s.last_analyze is not null as analysed, s.last_vacuum is not null as vacuumed,
            c.reltuples, s.n_dead_tup as "deadRows"
          from pg_stat_user_tables s join pg_class c on c.oid = s.relid
          where s.relid = 'public.consultations'::regclass`,
      tableState,
    );
    if (!row) throw new Error('no statistics row for consultations');
    return row;
  }

  it("analyses a table past autovacuum's thresholds, vacuums one with dead rows and then leaves it alone; leaves PostgreSQL to its autovacuum", async () => {
    await startSeventyCalls(t);
    if (backend.name !== 'pglite') {
      // PostgreSQL's autovacuum does this: nothing is done, nothing is booked.
      expect(await maintainEmbeddedDatabase(t.ctx)).toEqual({ vacuumed: [], analysed: [], left: [] });
      await scheduleEmbeddedMaintenance(t.ctx);
      const booked = await t.ctx.database.db
        .select()
        .from(jobs)
        .where(eq(jobs.kind, EMBEDDED_MAINTENANCE_JOB));
      expect(booked).toEqual([]);
      return;
    }
    // Seventy new rows: past the analyse threshold (50 + 10% of none), not the insert-vacuum one.
    await t.ctx.database.db.execute(sql`select pg_stat_force_next_flush()`);
    const first = await maintainEmbeddedDatabase(t.ctx);
    expect(first.analysed).toContain('public.consultations');
    expect(await consultationsTable()).toMatchObject({ analysed: true, vacuumed: false, reltuples: 70 });
    expect((await maintainEmbeddedDatabase(t.ctx)).analysed).not.toContain('public.consultations');

    // Every row updated twice: 140 dead row versions, past 50 + 20% of 70.
    for (let round = 0; round < 2; round++) {
      await t.ctx.database.db.execute(sql`update consultations set last_activity_at = now()`);
    }
    expect((await consultationsTable()).deadRows).toBeGreaterThan(64);
    await t.ctx.database.db.execute(sql`select pg_stat_force_next_flush()`);
    const second = await maintainEmbeddedDatabase(t.ctx);
    expect(second.vacuumed).toContain('public.consultations');
    expect(await consultationsTable()).toMatchObject({ vacuumed: true, deadRows: 0 });

    await scheduleEmbeddedMaintenance(t.ctx);
    const booked = await t.ctx.database.db.select().from(jobs).where(eq(jobs.kind, EMBEDDED_MAINTENANCE_JOB));
    expect(booked).toHaveLength(1);
  });
});

// Only the embedded database has the pass; on PostgreSQL its own autovacuum reads table settings
// and runs beside the requests, where PGlite runs in the server's process and holds them all up.
describe.each(testBackends().filter((backend) => backend.name === 'pglite'))(
  "the maintenance pass on $name: a table's own autovacuum settings, and waiting for a quiet moment",
  (backend) => {
    let t: TestApp;

    beforeAll(async () => {
      t = await buildTestApp(backend);
    });
    afterAll(async () => {
      await t?.close();
    });

    it("follows a table's own autovacuum settings: its thresholds, -1 for no insert vacuums, autovacuum_enabled = off", async () => {
      const db = t.ctx.database.db;
      await db.execute(sql`create table maintenance_probe (n integer)`);
      await db.execute(
        sql`alter table maintenance_probe set (autovacuum_vacuum_insert_threshold = -1, autovacuum_analyze_threshold = 100000)`,
      );
      await db.execute(sql`insert into maintenance_probe select generate_series(1, 2000)`);
      await db.execute(sql`select pg_stat_force_next_flush()`);
      // 2,000 inserts: past the server's insert-vacuum (1,000) and analyse (50) thresholds, not the table's.
      const own = await maintainEmbeddedDatabase(t.ctx);
      expect(own.vacuumed).not.toContain('public.maintenance_probe');
      expect(own.analysed).not.toContain('public.maintenance_probe');

      await db.execute(
        sql`alter table maintenance_probe reset (autovacuum_vacuum_insert_threshold, autovacuum_analyze_threshold)`,
      );
      await db.execute(sql`alter table maintenance_probe set (autovacuum_enabled = off)`);
      const off = await maintainEmbeddedDatabase(t.ctx);
      expect([...off.vacuumed, ...off.analysed]).not.toContain('public.maintenance_probe');

      await db.execute(sql`alter table maintenance_probe reset (autovacuum_enabled)`);
      expect((await maintainEmbeddedDatabase(t.ctx)).vacuumed).toContain('public.maintenance_probe');
    });

    async function consultationsAnalysed(): Promise<boolean> {
      const [row] = await queryRows(
        t.ctx.database.db,
        sql`select last_analyze is not null as analysed from pg_stat_user_tables
            where relid = 'public.consultations'::regclass`,
        z.object({ analysed: z.boolean() }),
      );
      return row?.analysed ?? false;
    }

    /** The maintenance jobs booked so far, in slot order. */
    const maintenanceJobs = () =>
      t.ctx.database.db
        .select()
        .from(jobs)
        .where(eq(jobs.kind, EMBEDDED_MAINTENANCE_JOB))
        .orderBy(jobs.runAt);

    it('counts requests until they are answered, not a live event stream that stays open', async () => {
      const agent = await t.userWithToken('agent');
      const answered = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me/preferences',
        headers: agent.headers,
      });
      expect(answered.statusCode).toBe(200);
      // Just answered: quiet now, but not for long enough.
      expect(t.ctx.activity.quietFor(0)).toBe(true);
      expect(t.ctx.activity.quietFor(60_000)).toBe(false);

      const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const stream = new AbortController();
      const opened = await fetch(`${url}/api/v1/events`, { headers: agent.headers, signal: stream.signal });
      expect(opened.status).toBe(200);
      // The stream is open and stays open: nobody waits on it.
      expect(t.ctx.activity.quietFor(0)).toBe(true);
      stream.abort();
    });

    it('leaves the tables due while requests come in, runs them once nobody asked anything for a few seconds, and at half its slot whatever the traffic', async () => {
      await startSeventyCalls(t);
      await t.ctx.database.db.execute(sql`select pg_stat_force_next_flush()`);
      t.setNow('2026-12-07T01:00:00.000Z');
      await scheduleEmbeddedMaintenance(t.ctx);

      // The requests above ended a moment ago: the pass waits, without counting an attempt.
      await t.runJobs();
      const [putOff] = await maintenanceJobs();
      expect(putOff).toMatchObject({ doneAt: null, attempts: 0 });
      expect(putOff?.runAt.toISOString()).toBe('2026-12-07T01:00:15.000Z');
      expect(putOff?.lastError).toContain('quiet');
      expect(await consultationsAnalysed()).toBe(false);

      // Nobody asks anything for three seconds: the pass runs when the job comes round.
      await new Promise((resolve) => setTimeout(resolve, 3_100));
      t.advance(15_000);
      await t.runJobs();
      expect(await consultationsAnalysed()).toBe(true);
      const ran = await maintenanceJobs();
      expect(ran[0]?.doneAt).not.toBeNull();
      // The next slot is booked.
      expect(ran[1]?.runAt.toISOString()).toBe('2026-12-07T01:10:00.000Z');

      // A request in flight all along: the pass of the next slot waits until half the slot is gone.
      await t.ctx.database.db.execute(sql`update consultations set last_activity_at = now()`);
      await t.ctx.database.db.execute(sql`update consultations set last_activity_at = now()`);
      await t.ctx.database.db.execute(sql`select pg_stat_force_next_flush()`);
      const inFlight = t.ctx.activity.begin();
      try {
        t.setNow('2026-12-07T01:10:00.000Z');
        await t.runJobs();
        const [, waiting] = await maintenanceJobs();
        expect(waiting?.doneAt).toBeNull();
        expect(waiting?.runAt.toISOString()).toBe('2026-12-07T01:10:15.000Z');
        t.setNow('2026-12-07T01:15:00.000Z');
        await t.runJobs();
        const [, forced, next] = await maintenanceJobs();
        expect(forced?.doneAt).not.toBeNull();
        expect(next?.runAt.toISOString()).toBe('2026-12-07T01:20:00.000Z');
      } finally {
        inFlight();
      }
    });
  },
);
