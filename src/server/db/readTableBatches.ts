import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './openDatabase.ts';
import { queryRows } from './queryRows.ts';

/** A table as read for copying: its qualified name and its stored columns. */
export type TableToRead = { qualifiedName: string; columns: ReadonlyArray<{ name: string }> };

/** How large one batch may grow: at most this many rows, and rows past this many bytes of text wait. */
export type BatchLimits = { rows: number; bytes: number };

// Brochure PDFs (base64 text) and outbox mails hold megabytes each, audit rows a few hundred bytes.
const DEFAULT_LIMITS: BatchLimits = { rows: 1000, bytes: 8 * 1024 * 1024 };

const boundaryRow = z.object({ last: z.string() });
const textRow = z.record(z.string(), z.string().nullable());

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Reads a table in batches, every stored column as PostgreSQL's own text form (exact: timestamps
 * keep their microseconds, bytea its bytes, jsonb its values), in physical order through ctid so a
 * table without a primary key pages as well. Each batch is sized before it is read: the database
 * sums the rows' text lengths (a text column's from its stored length, without reading it) and the
 * batch ends once they pass `limits.bytes` — always at least one row — so a table of large rows
 * comes a few at a time whatever the rows before them were like, and a batch never holds a
 * thousand brochures at once.
 */
export async function* readTableBatches(
  db: Database,
  table: TableToRead,
  limits: BatchLimits = DEFAULT_LIMITS,
): AsyncGenerator<Array<Array<string | null>>> {
  const textOf = table.columns.map((column) => `${quoted(column.name)}::text`);
  const size = textOf.map((text) => `coalesce(octet_length(${text}), 0)`).join(' + ') || '0';
  const select = textOf.map((text, index) => `${text} as c${index}`).join(', ');
  let after = '(0,0)';
  for (;;) {
    // The last row of the next batch: rows are taken while the text before each is under the cap.
    const [boundary] = await queryRows(
      db,
      sql`select at::text as last from (
            select ctid as at, ${sql.raw(size)} as own,
              sum(${sql.raw(size)}) over (order by ctid rows between unbounded preceding and current row) as running
            from ${sql.raw(table.qualifiedName)} where ctid > ${after}::tid order by ctid limit ${limits.rows}
          ) sized where running - own < ${limits.bytes} order by at desc limit 1`,
      boundaryRow,
    );
    if (!boundary) return;
    const rows = await queryRows(
      db,
      sql`select ${sql.raw(select || 'null as c0')} from ${sql.raw(table.qualifiedName)}
          where ctid > ${after}::tid and ctid <= ${boundary.last}::tid order by ctid`,
      textRow,
    );
    yield rows.map((row) => table.columns.map((_, index) => row[`c${index}`] ?? null));
    after = boundary.last;
  }
}
