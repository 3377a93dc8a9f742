import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { DirectoryImportReport } from '../contract/companies/directoryImportReportSchema.ts';
import type { AppContext } from '../server/appContext.ts';
import { importDirectory } from '../server/services/companies/importDirectory.ts';

/** Usage lines of the directory commands, appended to the CLI's usage. */
export const COMPANIES_USAGE = `  ieum companies import FILE [--dry-run] [--json]
                                             import the business directory from a CSV (UTF-8 or CP949)
                                             or XLSX file (.xlsx); all or nothing; prints the report`;

/** A wrong use of the directory commands (printed with the usage). */
export class CompaniesUsageError extends Error {}

/** The report as lines for a terminal: counts, then every refused line. */
export function formatImportReport(file: string, report: DirectoryImportReport): string[] {
  const lines = [
    `${file} (${report.encoding})${report.dryRun ? ' — 점검만 (dry run)' : ''}`,
    `행 ${report.rows} · 받아들임 ${report.accepted} · 거부 ${report.refused.length}`,
    ...report.refused.map((entry) => `  ${entry.line}행: ${entry.reason}`),
  ];
  const companies = `기업 새로 ${report.companies.created} · 갱신 ${report.companies.updated}`;
  if (report.imported) {
    lines.push(
      `${companies} · 담당자 기록 ${report.contacts.written} · 삭제 ${report.contacts.removed}`,
      '가져왔습니다.',
    );
  } else if (report.dryRun) {
    lines.push(
      `${companies} (가져오면)`,
      report.refused.length === 0
        ? '문제없음: --dry-run 없이 실행하면 가져옵니다.'
        : '거부된 행을 고친 뒤 다시 실행하세요.',
    );
  } else {
    lines.push('거부된 행이 있어 아무것도 가져오지 않았습니다.');
  }
  return lines;
}

/** Runs `companies import`; returns false for any other command. */
export async function runCompaniesCommand(
  resource: string | undefined,
  args: readonly string[],
  withContext: <T>(run: (ctx: AppContext) => Promise<T>) => Promise<T>,
  print: (line: string) => void,
): Promise<boolean> {
  if (resource !== 'companies') return false;
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [verb, file, ...extra] = positionals;
  if (verb !== 'import') throw new CompaniesUsageError(`unknown command: companies ${verb ?? ''}`.trim());
  if (file === undefined || extra.length > 0)
    throw new CompaniesUsageError('companies import takes one FILE');
  const body = await readFile(file);
  const type = extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const report = await withContext((ctx) =>
    importDirectory(ctx, {
      body,
      type,
      dryRun: values['dry-run'],
      language: 'ko',
      actorId: null,
      via: 'cli',
    }),
  );
  if (values.json) print(JSON.stringify(report, null, 2));
  else for (const line of formatImportReport(file, report)) print(line);
  if (report.refused.length > 0) process.exitCode = 1;
  return true;
}
