import type { DirectoryImportReport } from '../../../contract/companies/directoryImportReportSchema.ts';
import {
  describeImportRefusals,
  type ReasonLanguage,
} from '../../../domain/directory/describeImportRefusal.ts';
import { directoryColumnHeaders } from '../../../domain/directory/directoryFields.ts';
import { validateDirectoryImport } from '../../../domain/directory/validateDirectoryImport.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { type ContactValues, companyRepository } from '../../repositories/companyRepository.ts';
import { type DirectoryFileType, readDirectoryFile } from './readDirectoryFile.ts';
import { replaceCompanyContacts } from './replaceCompanyContacts.ts';

/** How an import is asked for: the file, its type, dry run or not, and the language of the reasons. */
export type DirectoryImportRequest = {
  body: Buffer;
  type: DirectoryFileType;
  dryRun: boolean;
  language: ReasonLanguage;
  /** Who imports (the access log), or null from the CLI. */
  actorId: string | null;
  via: 'api' | 'cli';
};

/**
 * Imports the business directory from a CSV (UTF-8 or CP949, detected) or XLSX file: one row per
 * contact, companies upserted by 사업자등록번호, and each imported company's contacts replaced by
 * the file's (a contact with the same name and role keeps its id). All or nothing: every row is
 * checked first, and a file with any refused row writes nothing; the writes then run in one
 * transaction (no network I/O in it). A dry run checks and counts without writing.
 */
export async function importDirectory(
  ctx: AppContext,
  request: DirectoryImportRequest,
): Promise<DirectoryImportReport> {
  const { sheet, encoding } = await readDirectoryFile(request.body, request.type);
  const check = validateDirectoryImport(sheet);
  if (!check.ok) {
    const columns = check.missingColumns.map((field) => directoryColumnHeaders[field]).join(', ');
    const message = msg('companies.missingColumns', { line: sheet.header.line, columns });
    throw new AppError('validation-failed', message, [{ where: `/line/${sheet.header.line}`, message }]);
  }
  const refused = check.refused.map(({ line, refusals }) => ({
    line,
    reason: describeImportRefusals(refusals, request.language),
  }));
  const report = (
    imported: boolean,
    counts: Pick<DirectoryImportReport, 'companies' | 'contacts'>,
  ): DirectoryImportReport => ({
    dryRun: request.dryRun,
    imported,
    encoding,
    rows: check.rows,
    accepted: check.accepted.length,
    refused,
    ...counts,
  });
  const bizNos = check.companies.map((company) => company.bizNo);
  if (request.dryRun || refused.length > 0) {
    const existing = await companyRepository.listExistingBizNos(ctx.database.db, bizNos);
    return report(false, {
      companies: { created: bizNos.length - existing.size, updated: existing.size },
      contacts: { written: 0, removed: 0 },
    });
  }
  const contactsByBizNo = new Map<string, ContactValues[]>();
  for (const contact of check.accepted) {
    const list = contactsByBizNo.get(contact.bizNo) ?? [];
    list.push({ name: contact.name, role: contact.role, phones: contact.phones, emails: contact.emails });
    contactsByBizNo.set(contact.bizNo, list);
  }
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const companies = await companyRepository.upsertNames(tx, check.companies, now);
    const contacts = await replaceCompanyContacts(
      tx,
      ctx.fieldCodec,
      companies.map((company) => ({
        companyId: company.id,
        isNew: company.created,
        contacts: contactsByBizNo.get(company.bizNo) ?? [],
      })),
      now,
    );
    const created = companies.filter((company) => company.created).length;
    const counts = { companies: { created, updated: companies.length - created }, contacts };
    // Counts only: the file's names and numbers never go into the log.
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: request.actorId,
      action: 'directory.import',
      subject: 'companies',
      detail: { rows: check.rows, encoding, ...counts, via: request.via },
    });
    return report(true, counts);
  });
}
