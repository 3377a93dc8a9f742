import { type DirectoryField, directoryFields } from './directoryFields.ts';

// Other spellings seen in exports; matched after spaces and parenthesised notes are removed.
const ALIASES: Record<DirectoryField, readonly string[]> = {
  companyName: ['기업명', '업체명', '회사명', '상호', '상호명'],
  bizNo: ['사업자등록번호', '사업자번호'],
  contactName: ['담당자이름', '담당자명', '이름', '성명'],
  role: ['담당자구분', '구분', '담당구분'],
  phones: ['연락처', '전화번호', '휴대폰', '휴대폰번호', '휴대전화'],
  emails: ['이메일', '이메일주소', '메일', '전자우편'],
};

/** Where each field's column is in a header row, and which required columns are missing. */
export type DirectoryHeader = {
  columns: Partial<Record<DirectoryField, number>>;
  missing: DirectoryField[];
};

function fold(cell: string): string {
  return cell
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s*:]/g, '')
    .trim();
}

/**
 * Finds the directory columns in a header row (Korean, as in `directoryColumnHeaders`; spacing,
 * notes in parentheses such as '담당자 구분 (관리책임자|운영담당자)' and a few common other
 * spellings are tolerated). Every column but 이메일 is required.
 */
export function readDirectoryHeader(cells: readonly string[]): DirectoryHeader {
  const folded = cells.map(fold);
  const columns: Partial<Record<DirectoryField, number>> = {};
  const missing: DirectoryField[] = [];
  for (const field of directoryFields) {
    const at = folded.findIndex((cell) => ALIASES[field].includes(cell));
    if (at >= 0) columns[field] = at;
    else if (field !== 'emails') missing.push(field);
  }
  return { columns, missing };
}
