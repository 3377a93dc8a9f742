import { getTableName, sql } from 'drizzle-orm';
import type { AppContext } from '../../appContext.ts';
import { auditEvents } from '../../db/schema.ts';
import { sealedTables } from '../../repositories/sealedTables.ts';

/**
 * After a data-subject delete, and once a night after the retention purge (runRetentionPurgeJob),
 * on the embedded database: makes the erased values leave the data directory. An UPDATE keeps the old row version in the table file until vacuum, and its bytes
 * stay after a plain vacuum too; every change is also in the WAL. The directory holds the key
 * beside them (encryption.key), so a copy of it read what the destruction log calls destroyed
 * (PIPA Art. 21: unrecoverably). Each table that holds personal data — the sealed ones and the
 * access log, whose reasons the delete redacts — is rewritten (VACUUM FULL: only live rows are
 * copied, the old file is deleted), then the WAL is moved on and checkpointed twice, so the
 * segments holding the erased values are deleted (the embedded database runs with
 * wal_recycle=off). It locks each table while rewriting it, hence a delete (rare) or the night. On
 * PostgreSQL it does nothing: there dead rows, the WAL and base backups are the database
 * administrator's (see README).
 */
export async function shredErasedRowVersions(ctx: AppContext): Promise<{ tables: string[] }> {
  if (ctx.database.kind !== 'pglite') return { tables: [] };
  const db = ctx.database.db;
  const tables = [
    ...new Set([...Object.values(sealedTables).map((table) => table.name), getTableName(auditEvents)]),
  ];
  for (const table of tables) await db.execute(sql`vacuum full ${sql.identifier(table)}`);
  for (let round = 0; round < 2; round++) {
    await db.execute(sql`select pg_switch_wal()`);
    await db.execute(sql`checkpoint`);
  }
  return { tables };
}
