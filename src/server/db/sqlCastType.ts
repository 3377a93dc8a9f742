import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The type to cast a parameter to for a column: its SQL type, except the serial pseudo-types,
 * which exist only in CREATE TABLE (`$1::bigserial` is an error: type "bigserial" does not exist).
 */
export function sqlCastType(column: PgColumn): string {
  const type = column.getSQLType();
  if (type === 'bigserial') return 'bigint';
  if (type === 'serial') return 'integer';
  if (type === 'smallserial') return 'smallint';
  return type;
}
