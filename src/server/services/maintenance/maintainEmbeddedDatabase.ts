import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../appContext.ts';
import { queryRows } from '../../db/queryRows.ts';

/**
 * What one maintenance pass did: the tables vacuumed (and analysed), those only analysed, and
 * those due that it left for later (see `keepGoing`).
 */
export type MaintenancePass = { vacuumed: string[]; analysed: string[]; left: string[] };

// Each table's changes since its last vacuum and analyse, against the thresholds PostgreSQL's own
// autovacuum would apply (its settings, the table's own first, so a change there applies here too).
const dueTables = z.object({
  name: z.string(),
  vacuum: z.boolean(),
  analyse: z.boolean(),
});

/**
 * What autovacuum does on a PostgreSQL server, for the embedded database, which runs no background
 * workers: without it no table of a PGlite database is ever analysed (the planner works from
 * defaults: a report or a lookup on a year of consultations can pick a scan of everything) or
 * vacuumed (dead row versions from every draft save and status change stay, and the tables and
 * their indexes only grow). Tables past autovacuum's thresholds — dead rows or inserts since the
 * last vacuum, changes since the last analyse — are vacuumed and analysed, or only analysed, one
 * statement each (the embedded database runs one at a time; requests wait between them, not behind
 * all of them). A table's own autovacuum settings count, as they do for autovacuum, including
 * autovacuum_enabled = off. Does nothing on PostgreSQL, whose autovacuum does this.
 *
 * `keepGoing` is asked before each table: once it says no, the tables still due are left (in
 * `left`) for a later pass — a request that arrives meanwhile waits for one table, not for all.
 */
export async function maintainEmbeddedDatabase(
  ctx: AppContext,
  options: { keepGoing?: () => boolean } = {},
): Promise<MaintenancePass> {
  const pass: MaintenancePass = { vacuumed: [], analysed: [], left: [] };
  if (ctx.database.kind !== 'pglite') return pass;
  // A table's own setting (ALTER TABLE … SET (autovacuum_…)) over the server's, as autovacuum reads them.
  const setting = (name: string) =>
    sql`coalesce((select split_part(o, '=', 2)::float8 from unnest(c.reloptions) o
          where starts_with(o, ${`${name}=`})), current_setting(${name})::float8)`;
  const due = await queryRows(
    ctx.database.db,
    sql`select format('%I.%I', s.schemaname, s.relname) as name,
          s.n_dead_tup > ${setting('autovacuum_vacuum_threshold')}
              + ${setting('autovacuum_vacuum_scale_factor')} * greatest(c.reltuples, 0)
            -- An insert threshold of -1 turns vacuums for inserts alone off.
            or (${setting('autovacuum_vacuum_insert_threshold')} >= 0
              and s.n_ins_since_vacuum > ${setting('autovacuum_vacuum_insert_threshold')}
                + ${setting('autovacuum_vacuum_insert_scale_factor')} * greatest(c.reltuples, 0)) as vacuum,
          s.n_mod_since_analyze > ${setting('autovacuum_analyze_threshold')}
              + ${setting('autovacuum_analyze_scale_factor')} * greatest(c.reltuples, 0) as analyse
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        -- A table whose autovacuum is turned off is left to whoever turned it off.
        where not exists (select 1 from unnest(c.reloptions) o
          where o ~* '^autovacuum_enabled=(f|fa|fal|fals|false|n|no|of|off|0)$')
        order by s.schemaname, s.relname`,
    dueTables,
  );
  for (const table of due) {
    if (!table.vacuum && !table.analyse) continue;
    if (pass.left.length > 0 || (options.keepGoing && !options.keepGoing())) {
      pass.left.push(table.name);
      continue;
    }
    if (table.vacuum) {
      await ctx.database.db.execute(sql.raw(`vacuum (analyze) ${table.name}`));
      pass.vacuumed.push(table.name);
    } else if (table.analyse) {
      await ctx.database.db.execute(sql.raw(`analyze ${table.name}`));
      pass.analysed.push(table.name);
    }
  }
  return pass;
}
