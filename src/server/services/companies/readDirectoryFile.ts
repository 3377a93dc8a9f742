import type { DirectorySheet } from '../../../domain/directory/validateDirectoryImport.ts';
import { AppError } from '../../errors.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';

/** The file types the directory import reads. */
export type DirectoryFileType = 'csv' | 'xlsx';

/** The media types of those files, as the import's Content-Type. */
export const directoryFileMediaTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<DirectoryFileType, string>;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a CSV file as Korean offices save it: UTF-8 (with or without a BOM; Excel's "CSV UTF-8"
 * writes one) or CP949 (Excel's plain "CSV" on Korean Windows; EUC-KR is its subset). A file that
 * is valid UTF-8 is UTF-8 — CP949 Hangul is almost never valid UTF-8, and pure ASCII reads the
 * same either way — anything else is CP949. UTF-16 with a BOM (Excel's "Unicode text") too.
 */
export async function decodeCsv(
  body: Buffer,
): Promise<{ text: string; encoding: 'utf-8' | 'cp949' | 'utf-16' }> {
  // Loaded on the first CSV import, not at every start (its code pages are half a megabyte).
  const { default: iconv } = await import('iconv-lite');
  if (UTF8_BOM.every((byte, at) => body[at] === byte)) {
    return {
      text: strictOrNull(body.subarray(3)) ?? iconv.decode(body.subarray(3), 'utf-8'),
      encoding: 'utf-8',
    };
  }
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) {
    return { text: iconv.decode(body, body[0] === 0xff ? 'utf-16le' : 'utf-16be'), encoding: 'utf-16' };
  }
  const utf8 = strictOrNull(body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: iconv.decode(body, 'cp949'), encoding: 'cp949' };
}

function strictOrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function unreadable(message: LocalisedText, where = '/body'): AppError {
  return new AppError('validation-failed', message, [{ where, message }]);
}

/** A CSV file's rows with the line each starts on (a quoted cell may span lines). */
async function readCsv(body: Buffer): Promise<DirectoryFile> {
  const decoded = await decodeCsv(body);
  const { parse } = await import('csv-parse/sync');
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : undefined);
  // Excel writes commas; some systems export tabs or semicolons: the header line tells which.
  const delimiter = firstLine.includes(',')
    ? ','
    : firstLine.includes('\t')
      ? '\t'
      : firstLine.includes(';')
        ? ';'
        : ',';
  // The line each record ends on, as the parser counts them (its `info` option is not in its types).
  const endLines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        endLines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    const line =
      error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : null;
    throw unreadable(
      line === null ? msg('companies.csvUnreadable') : msg('companies.csvUnreadableNear', { line }),
    );
  }
  const rows = records.map((record, at) => ({
    line: (endLines[at] ?? 0) - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  return { sheet: sheetOf(rows), encoding: decoded.encoding };
}

/** The first worksheet of an XLSX workbook, each row numbered as Excel shows it. */
async function readXlsx(body: Buffer): Promise<DirectoryFile> {
  // Loaded on the first XLSX import, not at every start (it is the largest module the server uses).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (its own `Buffer` declaration): a copy of the bytes.
    await workbook.xlsx.load(new Uint8Array(body).buffer);
  } catch {
    throw unreadable(msg('companies.xlsxUnreadable'));
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw unreadable(msg('companies.xlsxNoSheet'));
  const rows: Array<{ line: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    // Cell text as Excel displays it: rich text, hyperlinks (e-mails) and numbers become strings.
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    rows.push({ line, cells: Array.from(cells, (value) => value ?? '') });
  });
  return { sheet: sheetOf(rows), encoding: 'xlsx' };
}

function sheetOf(rows: Array<{ line: number; cells: string[] }>): DirectorySheet {
  const [header, ...data] = rows;
  if (header === undefined) throw unreadable(msg('companies.fileEmpty'));
  return { header, rows: data };
}

/** A file read: its sheet, and the encoding a CSV was in ('xlsx' for a workbook). */
export type DirectoryFile = { sheet: DirectorySheet; encoding: 'utf-8' | 'cp949' | 'utf-16' | 'xlsx' };

/** Reads an import file into its header and rows (400 when it cannot be read at all). */
export async function readDirectoryFile(body: Buffer, type: DirectoryFileType): Promise<DirectoryFile> {
  if (body.length === 0) throw unreadable(msg('companies.fileEmpty'));
  return type === 'csv' ? readCsv(body) : readXlsx(body);
}
