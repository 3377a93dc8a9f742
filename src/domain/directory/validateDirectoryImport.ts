import type { ContactRole } from '../../contract/companies/contactRoleSchema.ts';
import { foldPersonName } from '../privacy/foldPersonName.ts';
import { validateBusinessNumber } from '../privacy/validateBusinessNumber.ts';
import { type DirectoryField, directoryLimits } from './directoryFields.ts';
import type { ImportRefusal } from './importRefusal.ts';
import { readDirectoryHeader } from './readDirectoryHeader.ts';
import { validateDirectoryContact } from './validateDirectoryContact.ts';

/** A sheet as read from a CSV or XLSX file: its header cells and each data row with its line number. */
export type DirectorySheet = {
  header: { line: number; cells: readonly string[] };
  rows: ReadonlyArray<{ line: number; cells: readonly string[] }>;
};

/** One accepted row: a registered contact and the company it belongs to. */
export type ImportedContact = {
  line: number;
  bizNo: string;
  companyName: string;
  name: string;
  role: ContactRole;
  phones: string[];
  emails: string[];
};

/** The outcome of checking a whole file. */
export type DirectoryImportCheck =
  | { ok: false; missingColumns: DirectoryField[] }
  | {
      ok: true;
      /** Rows with a value (blank rows are skipped). */
      rows: number;
      accepted: ImportedContact[];
      /** Every refused row by line, with all its problems. */
      refused: Array<{ line: number; refusals: ImportRefusal[] }>;
      /**
       * Each company of an accepted row once, by 사업자등록번호, with the name its rows give: what
       * the import writes (a company whose rows are all refused is not counted as new or updated).
       */
      companies: Array<{ bizNo: string; name: string }>;
    };

// Several phones or e-mails in one cell: separated by commas, semicolons, slashes or line breaks.
const LIST_SEPARATOR = /[,;/|\n]+/;

/**
 * Checks a directory file (one row per contact; the rows of one company share its
 * 사업자등록번호): the header names the columns, and every row is checked on its own (required
 * fields, the number's check digit, phones, e-mails, role) and against the others (one company
 * name per number, one contact per name and role in a company, one contact per phone number in a
 * company). A file is imported only when no
 * row is refused, so the report names every bad line at once.
 */
export function validateDirectoryImport(sheet: DirectorySheet): DirectoryImportCheck {
  const header = readDirectoryHeader(sheet.header.cells);
  if (header.missing.length > 0) return { ok: false, missingColumns: header.missing };
  const cell = (cells: readonly string[], field: DirectoryField) => {
    const at = header.columns[field];
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const accepted: ImportedContact[] = [];
  const refused: Array<{ line: number; refusals: ImportRefusal[] }> = [];
  const companyByBizNo = new Map<string, { name: string; line: number }>();
  const contactLines = new Map<string, number>();
  // A caller is named by the number they call from: within a company, a number is one person's.
  const phoneLines = new Map<string, number>();
  let rows = 0;
  for (const row of sheet.rows) {
    if (row.cells.every((value) => value.trim() === '')) continue;
    rows += 1;
    const refusals: ImportRefusal[] = [];
    const companyName = cell(row.cells, 'companyName').normalize('NFC').replace(/\s+/g, ' ');
    if (companyName === '') refusals.push({ code: 'missing-field', field: 'companyName' });
    else if (Array.from(companyName).length > directoryLimits.companyName)
      refusals.push({ code: 'too-long', field: 'companyName', max: directoryLimits.companyName });
    const bizNoText = cell(row.cells, 'bizNo');
    const bizNo = bizNoText === '' ? null : validateBusinessNumber(bizNoText);
    if (bizNo === null) refusals.push({ code: 'missing-field', field: 'bizNo' });
    else if (!bizNo.ok)
      refusals.push({ code: bizNo.reason === 'format' ? 'biz-no-format' : 'biz-no-checksum' });
    const contact = validateDirectoryContact({
      name: cell(row.cells, 'contactName'),
      role: cell(row.cells, 'role'),
      phones: cell(row.cells, 'phones').split(LIST_SEPARATOR),
      emails: cell(row.cells, 'emails').split(LIST_SEPARATOR),
    });
    if (!contact.ok) refusals.push(...contact.refusals);
    if (bizNo?.ok && companyName !== '') {
      const first = companyByBizNo.get(bizNo.digits);
      if (first === undefined) companyByBizNo.set(bizNo.digits, { name: companyName, line: row.line });
      else if (first.name !== companyName)
        refusals.push({ code: 'company-name-mismatch', firstLine: first.line });
    }
    if (bizNo?.ok && contact.ok) {
      const key = `${bizNo.digits}\u0000${foldPersonName(contact.contact.name).name}\u0000${contact.contact.role}`;
      const firstLine = contactLines.get(key);
      if (firstLine === undefined) {
        contactLines.set(key, row.line);
        contact.contact.phones.forEach((phone, value) => {
          const phoneKey = `${bizNo.digits}\u0000${phone}`;
          const holderLine = phoneLines.get(phoneKey);
          if (holderLine === undefined) phoneLines.set(phoneKey, row.line);
          else refusals.push({ code: 'shared-phone', value, firstLine: holderLine });
        });
      } else refusals.push({ code: 'duplicate-contact', firstLine });
    }
    if (refusals.length > 0 || !bizNo?.ok || !contact.ok) {
      refused.push({ line: row.line, refusals });
      continue;
    }
    accepted.push({ line: row.line, bizNo: bizNo.digits, companyName, ...contact.contact });
  }
  // Refused rows registered their company too (to find a later row naming it otherwise), but only
  // accepted rows are written: the report's new and updated companies count those alone.
  const acceptedBizNos = new Set(accepted.map((contact) => contact.bizNo));
  return {
    ok: true,
    rows,
    accepted,
    refused,
    companies: [...companyByBizNo]
      .filter(([bizNo]) => acceptedBizNos.has(bizNo))
      .map(([bizNo, company]) => ({ bizNo, name: company.name })),
  };
}
