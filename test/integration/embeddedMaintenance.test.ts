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
    const agent = await t.userWithToken('agent');
    const ids: string[] = [];
    for (let i = 0; i < 70; i++) {
      const started = await t.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers: agent.headers,
        payload: { channel: 'call', guideId: 'business-inquiry' },
      });
      expect(started.statusCode, started.body).toBe(201);
      ids.push(started.json().id);
    }
    if (backend.name !== 'pglite') {
      // PostgreSQL's autovacuum does this: nothing is done, nothing is booked.
      expect(await maintainEmbeddedDatabase(t.ctx)).toEqual({ vacuumed: [], analysed: [] });
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

// Only the embedded database has the pass; on PostgreSQL its own autovacuum reads table settings.
describe.each(testBackends().filter((backend) => backend.name === 'pglite'))(
  "the maintenance pass and a table's own autovacuum settings on $name",
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
  },
);
