import { toCsvRow } from './toCsvRow.ts';

/**
 * Builds an RFC 4180 CSV document (CRLF line ends, quotes doubled) that spreadsheet programs open
 * safely: a cell that would start a formula is prefixed with an apostrophe. A UTF-8 byte-order mark
 * leads the text so Excel shows Korean correctly.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return `\uFEFF${[header, ...rows].map(toCsvRow).join('')}`;
}
