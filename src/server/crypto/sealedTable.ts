import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** How a blind index column is computed from a row's clear personal values. */
export type BlindIndexKind =
  /** Every personal phone number and e-mail found in the source columns (free text included): a text[]. */
  | 'contact-points'
  /** The one phone number in the source column: a text. */
  | 'phone'
  /** The one e-mail address in the source column: a text. */
  | 'email'
  /**
   * Each line of the source columns is one already validated phone number (display form) or
   * e-mail address — a list, not free text — so no pattern search is needed: a text[].
   */
  | 'contact-list'
  /** The whole name in the source column, folded (exact name search): a text. */
  | 'name'
  /** The 초성 of the name in the source column (exact 초성 search): a text. */
  | 'name-choseong'
  /**
   * The Kakao botUserKey in the source column, as the chatbot looks its user up: a text, kept as it
   * is when the key has been erased (an ended conversation is not looked up again).
   */
  | 'kakao-user';

/** The property names of a row type. */
type Key<Row> = keyof Row & string;

/** Which columns of a table hold personal data and which blind indexes they feed. */
export type SealedTableSpec<Row> = {
  /** The row's identifying property (logs of unreadable values, re-sealing). */
  id: Key<Row>;
  /** Text columns sealed whole. */
  text: readonly Key<Row>[];
  /** jsonb object columns whose string values are sealed: all of them, or only the listed keys. */
  json?: readonly { column: Key<Row>; keys?: readonly string[] }[];
  /** Blind index columns and the sealed columns they are computed from (written together). */
  indexes?: readonly { column: Key<Row>; kind: BlindIndexKind; from: readonly Key<Row>[] }[];
};

/** One sealed column, by its SQL names: what key rotation and the start-up re-sealing iterate. */
export type SealedColumn = {
  table: string;
  column: string;
  /** The SQL name of the row's identifying column. */
  idColumn: string;
  kind: 'text' | 'json-values';
  /** For 'json-values': the keys sealed (absent: every string value). */
  jsonKeys?: readonly string[];
};

/** A table's declaration: its Drizzle table, SQL name and personal columns. */
export type SealedTable<Row> = SealedTableSpec<Row> & {
  /** SQL name, e.g. 'transfer_comments'. */
  name: string;
  /** The sealed columns by SQL name. */
  columns: readonly SealedColumn[];
  /** SQL names of the blind index columns. */
  indexColumns: readonly string[];
  /** Every column's SQL name by property name (generic reads and writes: re-sealing, redaction). */
  sqlNames: Readonly<Record<string, string>>;
};

/** A declaration whatever its row type, for code that walks every declared table. */
export type AnySealedTable = SealedTable<Record<string, unknown>>;

/**
 * Declares which columns of a Drizzle table are personal (sealed at rest by the field codec) and
 * which blind indexes they feed. The declaration is the single source the repositories seal and
 * open with, the purge registry is checked against, and key rotation re-encrypts from.
 */
export function declareSealedTable<T extends PgTable>(
  table: T,
  spec: SealedTableSpec<T['$inferSelect']>,
): SealedTable<T['$inferSelect']> {
  const name = getTableName(table);
  const sqlColumns: Record<string, { name: string }> = getTableColumns(table);
  const sqlName = (property: string) => {
    const column = sqlColumns[property];
    if (!column) throw new Error(`declareSealedTable(${name}): no column ${property}`);
    return column.name;
  };
  const idColumn = sqlName(spec.id);
  return {
    ...spec,
    name,
    columns: [
      ...spec.text.map((property) => ({
        table: name,
        column: sqlName(property),
        idColumn,
        kind: 'text' as const,
      })),
      ...(spec.json ?? []).map((json) => ({
        table: name,
        column: sqlName(json.column),
        idColumn,
        kind: 'json-values' as const,
        ...(json.keys ? { jsonKeys: json.keys } : {}),
      })),
    ],
    indexColumns: (spec.indexes ?? []).map((index) => sqlName(index.column)),
    sqlNames: Object.fromEntries(
      Object.entries(sqlColumns).map(([property, column]) => [property, column.name]),
    ),
  };
}
