import type { PGlite } from '@electric-sql/pglite';

/**
 * The transaction id PostgreSQL will give the next writing transaction (64-bit, never reused).
 * Reading it writes nothing and takes no id; any write by anyone moves it.
 */
export async function readNextTransactionId(client: PGlite): Promise<string> {
  const result = await client.query<{ next: string }>(
    'select pg_snapshot_xmax(pg_current_snapshot())::text as next',
  );
  const next = result.rows[0]?.next;
  if (!next) throw new Error('PostgreSQL did not answer its next transaction id');
  return next;
}
