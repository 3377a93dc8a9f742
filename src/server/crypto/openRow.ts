import type { FieldCodec } from './fieldCodec.ts';
import type { SealedTable } from './sealedTable.ts';
import { mapJsonValues } from './sealRow.ts';

/**
 * A row as services see it: personal values in clear. `unreadableFields` names the columns that
 * could not be opened (wrong key, altered); their values are empty, and each was reported to the
 * codec's `onUnreadable` (logged) — the row still reads, so a list never breaks on one bad value.
 */
export type Opened<Row> = Row & { readonly unreadableFields: readonly string[] };

/**
 * Opens the personal columns of a stored row per the table's declaration. `sealedNow` (see sealRow)
 * holds values this request sealed itself, with their clear text: a row a write returns gets those
 * back without decrypting them again (a stored value equal to one sealed now is that value).
 */
export function openRow<Full, Row extends Partial<Full>>(
  codec: FieldCodec,
  table: SealedTable<Full>,
  row: Row,
  sealedNow?: ReadonlyMap<string, string>,
): Opened<Row> {
  const unreadable: string[] = [];
  const id = Reflect.get(row, table.id);
  const open = (column: string) => (stored: string) => {
    const known = sealedNow?.get(stored);
    if (known !== undefined) return known;
    const opened = codec.openText(stored);
    if (opened.readable) return opened.value;
    if (!unreadable.includes(column)) {
      unreadable.push(column);
      codec.reportUnreadable({
        table: table.name,
        column,
        id: id === undefined || id === null ? null : String(id),
        reason: opened.reason,
      });
    }
    return '';
  };
  const clear: Record<string, unknown> = {};
  for (const key of table.text) {
    const value: unknown = Reflect.get(row, key);
    if (typeof value === 'string') clear[key] = open(key)(value);
  }
  for (const json of table.json ?? []) {
    const value: unknown = Reflect.get(row, json.column);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      clear[json.column] = mapJsonValues(
        Object.fromEntries(Object.entries(value)),
        json.keys,
        open(json.column),
      );
    }
  }
  return Object.assign({}, row, clear, { unreadableFields: unreadable });
}
