// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function escapeCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One RFC 4180 CSV line with its CRLF: quotes doubled, and a cell that would start a formula in a
 * spreadsheet prefixed with an apostrophe. For exports written row by row (streamed).
 */
export function toCsvRow(cells: ReadonlyArray<string>): string {
  return `${cells.map(escapeCell).join(',')}\r\n`;
}
