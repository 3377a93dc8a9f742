import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { redactSubjectFromText, type SubjectValues } from '../../domain/privacy/redactSubjectFromText.ts';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { openRow } from '../crypto/openRow.ts';
import type { AnySealedTable } from '../crypto/sealedTable.ts';
import { mapJsonValues, sealRow } from '../crypto/sealRow.ts';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';
import { sealedTables } from './sealedTables.ts';

const BATCH = 500;
const storedRow = z.object({ id: z.string(), v: z.record(z.string(), z.unknown()) });

/** A changed row of one table: which table, which row, which sealed columns held the subject. */
export type RedactedRow = { table: string; id: string; columns: string[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** SQL literal of one value for its column: text, jsonb, text[] (a blind index) or null. */
function valueSql(value: unknown): SQL {
  if (value === null || value === undefined) return sql`null`;
  if (typeof value === 'string') return sql`${value}`;
  if (Array.isArray(value))
    return sql`array(select jsonb_array_elements_text(${JSON.stringify(value)}::jsonb))`;
  return sql`${JSON.stringify(value)}::jsonb`;
}

async function redactTable(
  db: Database,
  codec: FieldCodec,
  table: AnySealedTable,
  subject: SubjectValues,
  dryRun: boolean,
): Promise<RedactedRow[]> {
  const properties = [...table.text, ...(table.json ?? []).map((json) => json.column)];
  if (properties.length === 0) return [];
  const idColumn = sql.identifier(table.sqlNames[table.id] ?? 'id');
  const picked = sql.join(
    properties.map(
      (property) => sql`${property}::text, ${sql.identifier(table.sqlNames[property] ?? property)}`,
    ),
    sql`, `,
  );
  const changed: RedactedRow[] = [];
  let after = '';
  for (;;) {
    const rows = await queryRows(
      db,
      sql`select ${idColumn}::text as id, jsonb_build_object(${picked}) as v from ${sql.identifier(table.name)}
          where ${idColumn}::text > ${after} order by ${idColumn}::text limit ${BATCH}`,
      storedRow,
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      const opened = openRow<Record<string, unknown>, Record<string, unknown>>(codec, table, row.v);
      // A value that cannot be opened cannot be checked either; it is left as it is (and was logged).
      if (opened.unreadableFields.length > 0) continue;
      const columns: string[] = [];
      const redacted: Record<string, unknown> = {};
      for (const property of table.text) {
        const value = Reflect.get(opened, property);
        const clear = typeof value === 'string' ? redactSubjectFromText(value, subject) : value;
        if (clear !== value) columns.push(property);
        redacted[property] = clear;
      }
      for (const json of table.json ?? []) {
        const value = Reflect.get(opened, json.column);
        if (!isPlainObject(value)) {
          redacted[json.column] = value;
          continue;
        }
        const clear = mapJsonValues(value, json.keys, (text) => redactSubjectFromText(text, subject));
        if (JSON.stringify(clear) !== JSON.stringify(value)) columns.push(json.column);
        redacted[json.column] = clear;
      }
      if (columns.length === 0) continue;
      if (dryRun) {
        changed.push({ table: table.name, id: row.id, columns });
        continue;
      }
      const sealed = sealRow<Record<string, unknown>, Record<string, unknown>>(
        codec,
        table,
        redacted,
        'update',
      );
      const written = [...properties, ...(table.indexes ?? []).map((index) => index.column)];
      const assignments = sql.join(
        written.map(
          (property) =>
            sql`${sql.identifier(table.sqlNames[property] ?? property)} = ${valueSql(sealed[property])}`,
        ),
        sql`, `,
      );
      await db.execute(
        sql`update ${sql.identifier(table.name)} set ${assignments} where ${idColumn}::text = ${row.id}`,
      );
      changed.push({ table: table.name, id: row.id, columns });
    }
  }
  return changed;
}

/**
 * Removes one data subject — their phone numbers in any format, e-mail addresses and names — from
 * every sealed column of every declared table (sealedTables.ts): the free text about other records
 * that mentions them (a comment, a status or callback note, a webhook body, an e-mail, another
 * consultation's record), which no blind index of their own records reaches. Each value is
 * opened, redacted ('[삭제됨]') and sealed again, with its blind indexes recomputed. It reads every
 * sealed row, so it belongs to a data-subject request (rare, run by an administrator): the delete,
 * inside its transaction, and with `dryRun` the find and export, which show the rows it would change
 * and change nothing. Returns the rows changed (or that would be).
 */
export async function redactSubjectInSealedTables(
  db: Database,
  codec: FieldCodec,
  subject: SubjectValues,
  options: { dryRun: boolean } = { dryRun: false },
): Promise<RedactedRow[]> {
  const changed: RedactedRow[] = [];
  for (const table of Object.values(sealedTables))
    changed.push(...(await redactTable(db, codec, table, subject, options.dryRun)));
  return changed;
}
