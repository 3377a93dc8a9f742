import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { AppContext } from '../../appContext.ts';
import { FIELD_CIPHER_PREFIX } from '../../crypto/encryptField.ts';
import type { SealedTable } from '../../crypto/sealedTable.ts';
import type { Database } from '../../db/openDatabase.ts';
import { queryRows } from '../../db/queryRows.ts';
import { sqlCastType } from '../../db/sqlCastType.ts';
import { rewriteSealedRow, type SealedTarget } from './rewriteSealedRow.ts';
import { rotatedTables } from './rotatedTables.ts';

/** What the start-up re-sealing did, per table (rows sealed or given their blind indexes). */
export type ResealReport = { tables: { table: string; rows: number }[]; unreadable: number };

const BATCH = 200;
// One pass at a time across instances starting together on one PostgreSQL (any fixed bigint).
const RESEAL_LOCK_KEY = 7_140_512_003;
const anyRow = z.record(z.string(), z.unknown());
const SEALED_LIKE = `${FIELD_CIPHER_PREFIX}%`;

/** A text value that is there and not sealed. */
const clearText = (column: SQL) => sql`(${column} <> '' and ${column} not like ${SEALED_LIKE})`;

/** A jsonb object holding a declared string value that is there and not sealed. */
function clearJson(column: SQL, keys: readonly string[] | undefined): SQL {
  const picked = keys
    ? sql`and entry.key in (${sql.join(
        keys.map((key) => sql`${key}`),
        sql`, `,
      )})`
    : sql``;
  return sql`(jsonb_typeof(${column}) = 'object' and exists (
    select 1 from jsonb_each(${column}) as entry
    where jsonb_typeof(entry.value) = 'string' ${picked}
      and entry.value #>> '{}' <> '' and entry.value #>> '{}' not like ${SEALED_LIKE}))`;
}

/**
 * Which rows of a declared table need the pass: a personal value stored in clear (written before
 * the column was sealed — e.g. comments, notes, webhook bodies and outbox e-mails before 8449dc4),
 * or a blind index missing while its source columns hold something (a column added later, like
 * transfers' personal_index in migration 0006, left older rows unfindable).
 */
function needsResealing(sealed: SealedTable<Record<string, unknown>>): SQL {
  const column = (property: string) => sql.identifier(sealed.sqlNames[property] ?? property);
  const jsonOf = new Map((sealed.json ?? []).map((json) => [json.column, json]));
  const holdsSomething = (property: string) =>
    jsonOf.has(property)
      ? sql`(jsonb_typeof(${column(property)}) = 'object' and ${column(property)} <> '{}'::jsonb)`
      : sql`(${column(property)} <> '')`;
  const conditions = [
    ...sealed.text.map((property) => clearText(sql`${column(property)}`)),
    ...(sealed.json ?? []).map((json) => clearJson(sql`${column(json.column)}`, json.keys)),
    ...(sealed.indexes ?? []).map(
      (index) =>
        sql`(${column(index.column)} is null and (${sql.join(index.from.map(holdsSomething), sql` or `)}))`,
    ),
  ];
  return conditions.length === 0 ? sql`false` : sql`(${sql.join(conditions, sql` or `)})`;
}

/** Seals one table's clear values and fills its missing blind indexes, batch by batch with the rows locked. */
async function resealTable(
  ctx: AppContext,
  table: PgTable,
  sealed: SealedTable<Record<string, unknown>>,
): Promise<{ rows: number; unreadable: number }> {
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const byProperty = new Map(Object.entries(columns));
  const propertyOf = new Map(Object.entries(columns).map(([property, column]) => [column.name, property]));
  const idColumn = byProperty.get(sealed.id);
  if (!idColumn) throw new Error(`resealTable(${sealed.name}): no id column ${sealed.id}`);
  const idType = sql.raw(sqlCastType(idColumn));
  const sealedProperties = [...sealed.text, ...(sealed.json ?? []).map((json) => json.column)];
  const target: SealedTarget = { table, sealed, byProperty, idColumn, sealedProperties };
  const wanted = needsResealing(sealed);
  // Only what the pass reads and writes: a row may carry much else (an outbox e-mail's attached PDF).
  const selected = sql.join(
    [sealed.id, ...sealedProperties, ...(sealed.indexes ?? []).map((index) => index.column)].map((property) =>
      sql.identifier(byProperty.get(property)?.name ?? property),
    ),
    sql`, `,
  );
  let rows = 0;
  let unreadable = 0;
  let after: string | null = null;
  for (;;) {
    const seen = await ctx.database.db.transaction(async (tx: Database) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${RESEAL_LOCK_KEY})`);
      // Locked: a server writing one of these rows meanwhile waits, so nothing newer is overwritten.
      const batch = await queryRows(
        tx,
        sql`select ${selected} from ${sql.identifier(getTableName(table))}
            where ${wanted} ${after === null ? sql`` : sql`and ${sql.identifier(idColumn.name)} > ${after}::${idType}`}
            order by ${sql.identifier(idColumn.name)} limit ${BATCH} for update`,
        anyRow,
      );
      for (const stored of batch) {
        const row = Object.fromEntries(
          Object.entries(stored).map(([name, value]) => [propertyOf.get(name) ?? name, value]),
        );
        after = String(row[sealed.id]);
        if (!(await rewriteSealedRow(ctx, tx, target, row, { emptyContactIndex: true }))) {
          // Sealed under a key this server lacks, or altered: left alone (and logged by the codec).
          unreadable += 1;
          continue;
        }
        rows += 1;
      }
      return batch.length;
    });
    if (seen < BATCH) break;
  }
  return { rows, unreadable };
}

/**
 * Seals every personal value still stored in clear in a declared table (sealedTables.ts, via
 * rotatedTables) and fills the blind indexes older rows lack, at start, after the migrations and the
 * key check. Databases upgraded from versions that stored comments, status notes, callback notes,
 * webhook bodies or outbox e-mails in clear are sealed on their first start; each later start finds
 * nothing (the rows are chosen in SQL, so that costs one scan per table). Batches are transactions
 * holding an advisory lock and their rows (FOR UPDATE), so two instances starting on one PostgreSQL,
 * or servers writing meanwhile, never overwrite each other. Access-log reasons have their own pass
 * (sealLegacyAccessLogReasons); values under a previous key are `ieum key rotate`'s.
 */
export async function resealClearValues(ctx: AppContext): Promise<ResealReport> {
  const tables: ResealReport['tables'] = [];
  let unreadable = 0;
  for (const { table, sealed } of rotatedTables) {
    const done = await resealTable(ctx, table, sealed);
    unreadable += done.unreadable;
    if (done.rows > 0) tables.push({ table: sealed.name, rows: done.rows });
  }
  if (tables.length > 0) {
    ctx.logger.info({ tables, unreadable }, 'sealed personal values stored in clear by an earlier version');
  }
  return { tables, unreadable };
}
