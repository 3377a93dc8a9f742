import { getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../appContext.ts';
import { openRow } from '../../crypto/openRow.ts';
import type { SealedTable } from '../../crypto/sealedTable.ts';
import { sealRow } from '../../crypto/sealRow.ts';
import type { Database } from '../../db/openDatabase.ts';
import { sqlCastType } from '../../db/sqlCastType.ts';

/** A sealed table as the batch passes (key rotation, re-seal at start) walk it. */
export type SealedTarget = {
  table: PgTable;
  sealed: SealedTable<Record<string, unknown>>;
  byProperty: Map<string, PgColumn>;
  idColumn: PgColumn;
  sealedProperties: string[];
};

/**
 * Opens one locked row and writes its sealed columns and blind indexes again under the current key.
 * False when a value cannot be opened (a key this server lacks, or altered): the row is left alone.
 * `emptyContactIndex` stores a contact-points index with nothing to find as empty rather than
 * missing, so the start-up pass, which looks for missing indexes, does not open the row again.
 */
export async function rewriteSealedRow(
  ctx: AppContext,
  tx: Database,
  { table, sealed, byProperty, idColumn, sealedProperties }: SealedTarget,
  row: Record<string, unknown>,
  { emptyContactIndex }: { emptyContactIndex: boolean },
): Promise<boolean> {
  const opened = openRow(ctx.fieldCodec, sealed, row);
  if (opened.unreadableFields.length > 0) return false;
  const clear = Object.fromEntries(sealedProperties.map((property) => [property, opened[property]]));
  const resealed = sealRow(ctx.fieldCodec, sealed, clear, 'update');
  const assignments = Object.entries(resealed).flatMap(([property, value]) => {
    const column = byProperty.get(property);
    if (!column) return [];
    const index = sealed.indexes?.find((entry) => entry.column === property);
    const filled = emptyContactIndex && value === null && index?.kind === 'contact-points' ? [] : value;
    const driverValue = filled === null || filled === undefined ? null : column.mapToDriverValue(filled);
    return [sql`${sql.identifier(column.name)} = ${driverValue}::${sql.raw(sqlCastType(column))}`];
  });
  await tx.execute(
    sql`update ${sql.identifier(getTableName(table))} set ${sql.join(assignments, sql`, `)}
        where ${sql.identifier(idColumn.name)} = ${String(row[sealed.id])}::${sql.raw(sqlCastType(idColumn))}`,
  );
  return true;
}
