import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from './openDatabase.ts';

/**
 * Runs raw SQL (for statements drizzle's builder cannot express, such as FOR UPDATE SKIP LOCKED
 * inside UPDATE … WHERE id IN) and parses each row with a zod schema, so the rows are typed
 * without casts on both drivers (PGlite and node-postgres both return `{ rows }`).
 */
export async function queryRows<T extends z.ZodType>(
  db: Database,
  query: SQL,
  row: T,
): Promise<Array<z.output<T>>> {
  const result: unknown = await db.execute(query);
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) {
    throw new Error('unexpected result shape from the database driver');
  }
  return result.rows.map((value: unknown) => row.parse(value));
}
