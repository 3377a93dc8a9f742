import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CopyRefusedError } from './copyRefusedError.ts';
import type { Database } from './openDatabase.ts';
import { queryRows } from './queryRows.ts';
import { readTableBatches } from './readTableBatches.ts';

/** One table as copied: its name and rows. */
export type CopiedTable = { table: string; rows: number };
/** One sequence as set on the target: the source's last value (null: never used). */
export type CopiedSequence = { sequence: string; lastValue: string | null };

type Column = { name: string; type: string };
type Table = { name: string; columns: Column[]; identityAlways: boolean };

// The app's tables are the base tables of `public`; drizzle's journal lives in its own schema and
// is written by the target's own migrations.
const APP_SCHEMA = 'public';

const tableRow = z.object({ name: z.string() });
const columnRow = z.object({ table: z.string(), name: z.string(), type: z.string(), identity: z.string() });
const edgeRow = z.object({ child: z.string(), parent: z.string() });
const countRow = z.object({ rows: z.coerce.number() });
const sequenceRow = z.object({ lastValue: z.string().nullable(), called: z.boolean() });

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (name: string) => `${quoted(APP_SCHEMA)}.${quoted(name)}`;

/** The app's tables with their stored columns (generated ones are computed again by the target). */
async function readTables(db: Database): Promise<Map<string, Table>> {
  const names = await queryRows(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${APP_SCHEMA} and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
    tableRow,
  );
  const columns = await queryRows(
    db,
    sql`select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
          a.attidentity::text as identity
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${APP_SCHEMA} and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
          and a.attgenerated = ''
        order by c.relname, a.attnum`,
    columnRow,
  );
  const tables = new Map<string, Table>(
    names.map(({ name }) => [name, { name, columns: [], identityAlways: false }]),
  );
  for (const column of columns) {
    const table = tables.get(column.table);
    if (!table) continue;
    table.columns.push({ name: column.name, type: column.type });
    if (column.identity === 'a') table.identityAlways = true;
  }
  return tables;
}

/** The tables in an order where every table comes after the tables its foreign keys point to. */
async function foreignKeyOrder(db: Database, tables: Map<string, Table>): Promise<Table[]> {
  const edges = await queryRows(
    db,
    sql`select c.relname as child, p.relname as parent
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = ${APP_SCHEMA}`,
    edgeRow,
  );
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set()]));
  for (const edge of edges) if (edge.child !== edge.parent) parents.get(edge.child)?.add(edge.parent);
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.size) {
    const ready = [...tables.values()].filter(
      (table) =>
        !placed.has(table.name) && [...(parents.get(table.name) ?? [])].every((parent) => placed.has(parent)),
    );
    if (ready.length === 0)
      throw new CopyRefusedError(
        `the foreign keys between ${[...tables.keys()].filter((name) => !placed.has(name)).join(', ')} form a cycle: no copy order exists`,
      );
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
  }
  return ordered;
}

async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await queryRows(db, sql.raw(`select count(*) as rows from ${qualified(table)}`), countRow);
  return row?.rows ?? 0;
}

/** Why the two schemas cannot be copied one onto the other, or null when they match. */
function schemaDifference(source: Map<string, Table>, target: Map<string, Table>): string | null {
  const differences: string[] = [];
  for (const name of source.keys())
    if (!target.has(name)) differences.push(`table ${name} missing in the target`);
  for (const name of target.keys())
    if (!source.has(name)) differences.push(`table ${name} not in the embedded database`);
  for (const [name, table] of source) {
    const other = target.get(name);
    if (!other) continue;
    const shape = (t: Table) => t.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (shape(table) !== shape(other)) differences.push(`table ${name} has other columns in the target`);
  }
  return differences.length === 0 ? null : differences.join('; ');
}

/** One INSERT of a batch: each column sent as one text array and cast back to its type. */
function insertBatch(table: Table, rows: Array<Array<string | null>>): SQL {
  const columns = table.columns.map((column) => sql.raw(quoted(column.name)));
  const casts = table.columns.map((column, index) => sql.raw(`cast(u.c${index} as ${column.type})`));
  const arrays = table.columns.map(
    (_, index) => sql`${sql.param(rows.map((row) => row[index] ?? null))}::text[]`,
  );
  const aliases = table.columns.map((_, index) => `c${index}`).join(', ');
  const overriding = table.identityAlways ? sql.raw(' overriding system value') : sql.raw('');
  return sql`insert into ${sql.raw(qualified(table.name))} (${sql.join(columns, sql`, `)})${overriding}
    select ${sql.join(casts, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(aliases)})`;
}

/** A dry run's way out of the target transaction once everything was checked. */
class DryRunRollback extends Error {}

/**
 * Copies every row of the app's tables from `source` to `target` — both already migrated to the
 * same schema — inside one transaction on the target, so a failure leaves it as it was. The
 * target must hold no row in any of those tables. The app's own triggers (report rollups, contact
 * chains, the bot flag, the access log's append-only guard) are switched off on the target for
 * the copy and on again before the commit: the rows, rollups included, are copied as they are,
 * already consistent. Sequences continue after the source's values. Row counts are compared on
 * both sides before the commit; any difference rolls back. `dryRun`: everything is done and
 * checked, then rolled back.
 */
export async function copyDatabaseRows(
  source: Database,
  target: Database,
  options: { dryRun: boolean },
): Promise<{ tables: CopiedTable[]; sequences: CopiedSequence[] }> {
  const sourceTables = await readTables(source);
  const targetTables = await readTables(target);
  const difference = schemaDifference(sourceTables, targetTables);
  if (difference)
    throw new CopyRefusedError(`the target's schema does not match the embedded database's: ${difference}`);
  const ordered = await foreignKeyOrder(source, sourceTables);

  const occupied: string[] = [];
  for (const table of ordered) {
    const rows = await countRows(target, table.name);
    if (rows > 0) occupied.push(`${table.name} (${rows})`);
  }
  if (occupied.length > 0)
    throw new CopyRefusedError(
      `the target database already holds rows in ${occupied.join(', ')}: copy into an empty database (a new one, migrated or not)`,
    );

  const sourceCounts = new Map<string, number>();
  for (const table of ordered) sourceCounts.set(table.name, await countRows(source, table.name));
  const sequenceNames = await queryRows(
    source,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${APP_SCHEMA} and c.relkind = 'S' order by c.relname`,
    tableRow,
  );
  const sequences: Array<CopiedSequence & { called: boolean }> = [];
  for (const { name } of sequenceNames) {
    const [state] = await queryRows(
      source,
      sql.raw(`select last_value::text as "lastValue", is_called as called from ${qualified(name)}`),
      sequenceRow,
    );
    if (state)
      sequences.push({
        sequence: name,
        called: state.called,
        lastValue: state.called ? state.lastValue : null,
      });
  }

  const tables = ordered.map((table) => ({ table: table.name, rows: sourceCounts.get(table.name) ?? 0 }));
  try {
    await target.transaction(async (tx) => {
      for (const table of ordered)
        await tx.execute(sql.raw(`alter table ${qualified(table.name)} disable trigger user`));
      for (const table of ordered) {
        if (table.columns.length === 0) continue;
        const reading = { qualifiedName: qualified(table.name), columns: table.columns };
        for await (const rows of readTableBatches(source, reading))
          await tx.execute(insertBatch(table, rows));
      }
      for (const sequence of sequences) {
        // A sequence never used starts where it would have: its first value, not yet called.
        if (sequence.lastValue !== null)
          await tx.execute(
            sql`select setval(${qualified(sequence.sequence)}, ${sequence.lastValue}::bigint, true)`,
          );
      }
      // Foreign keys are checked per statement (their triggers are internal, not switched off);
      // nothing else is pending, so the tables may be altered back.
      for (const table of ordered)
        await tx.execute(sql.raw(`alter table ${qualified(table.name)} enable trigger user`));
      const mismatches: string[] = [];
      for (const table of ordered) {
        const copied = await countRows(tx, table.name);
        const expected = sourceCounts.get(table.name) ?? 0;
        if (copied !== expected)
          mismatches.push(`${table.name}: ${expected} in the embedded database, ${copied} copied`);
      }
      if (mismatches.length > 0)
        throw new CopyRefusedError(`row counts differ after copying, rolled back: ${mismatches.join('; ')}`);
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return { tables, sequences: sequences.map(({ sequence, lastValue }) => ({ sequence, lastValue })) };
}
