import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { validateBusinessNumber } from '../../src/domain/privacy/validateBusinessNumber.ts';

/** The import header as Korean offices write it. */
export const directoryHeader = ['기업명', '사업자등록번호', '담당자 이름', '담당자 구분', '연락처', '이메일'];

/** A valid 사업자등록번호 ('XXX-XX-XXXXX') from nine digits: the check digit that passes. */
export function bizNoFrom(nineDigits: string): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = `${nineDigits.slice(0, 3)}-${nineDigits.slice(3, 5)}-${nineDigits.slice(5)}${check}`;
    if (validateBusinessNumber(candidate).ok) return candidate;
  }
  throw new Error(`no check digit for ${nineDigits}`);
}

/** A wrong-checksum variant of a valid number. */
export function badChecksum(bizNo: string): string {
  const last = Number(bizNo.slice(-1));
  return `${bizNo.slice(0, -1)}${(last + 1) % 10}`;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text (CRLF, as Excel writes it) of a header and rows. */
export function toCsvText(rows: readonly (readonly string[])[], header = directoryHeader): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The CSV in CP949, as Excel's plain "CSV" saves it on Korean Windows. */
export function toCp949Csv(rows: readonly (readonly string[])[]): Buffer {
  return iconv.encode(toCsvText(rows), 'cp949');
}

/** The CSV in UTF-8 with a BOM, as Excel's "CSV UTF-8" saves it. */
export function toUtf8BomCsv(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsvText(rows), 'utf8')]);
}

/** An XLSX workbook with the rows on its first sheet (the phone column as text, as offices format it). */
export async function toXlsx(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('담당자');
  sheet.addRow([...directoryHeader]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * `count` contacts over `count / 2` companies (two per company: a 관리책임자 and a 운영담당자),
 * each with a distinct mobile number; row i of company c uses 010-1cc…
 */
export function manyContactRows(count: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const company = Math.floor(i / 2);
    const bizNo = bizNoFrom(`${String(200_000_000 + company * 7).padStart(9, '0')}`);
    const surname = ['김', '이', '박', '최', '정'][i % 5] ?? '김';
    rows.push([
      `이음테스트${company}`,
      bizNo,
      `${surname}담당${i}`,
      i % 2 === 0 ? '관리책임자' : '운영담당자',
      `010-${String(2000 + Math.floor(i / 10_000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`,
      `contact${i}@example.com`,
    ]);
  }
  return rows;
}
