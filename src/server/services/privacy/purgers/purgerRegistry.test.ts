import { readdirSync } from 'node:fs';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { sealedTables } from '../../../repositories/sealedTables.ts';
import { personalDataPurgers } from './purgerRegistry.ts';

const REGISTRY = 'src/server/services/privacy/purgers/purgerRegistry.ts';
const SEALED = 'src/server/repositories/sealedTables.ts';

// Column names that usually hold a person's data (a customer's, or text typed about them).
const PERSONAL_NAME =
  /phone|e?mail|name|caller|contact|address|note|body|comment|inquiry|reason|record|draft|text|html|subject|birth|memo/;

/**
 * Columns whose names look personal but that hold no customer's personal data, or are handled
 * outside sealedTables.ts — each with where it is handled. Add here only with such a reason.
 */
const notCustomerData: Record<string, string> = {
  'users.email': 'staff account (kept while the account exists; not a customer)',
  'users.name': 'staff account',
  'api_tokens.name': "a token's label",
  'cti_tokens.name': "a CTI integration's label",
  'closures.name': "a company closure's name (e.g. 창립기념일)",
  'brochure_files.file_name': 'the brochure, the same file for everyone',
  'guide_versions.file_name': "a guide document's file name (business-inquiry.json)",
  'first_run_steps.test_mail_to': "the SMTP test mail's recipient, masked (a staff address, not a customer)",
  'transfers.company_name': 'a business name',
  'companies.name': 'a business name (the directory; company data is not personal data)',
  'companies.search_name': 'the business name folded for search',
  'leads.company_name': 'a business name',
  'consultations.record_category': "the record's category, from the guide",
  'consent_records.notice_text_sha256': 'hash of the privacy notice text',
  'audit_events.subject': "the kind of subject ('phone-subject'), no value",
  'audit_events.subject_index': 'blind index (HMAC), no value',
  'audit_events.reason':
    'sealed by auditRepository (keyed chain digest), deleted by accessLogPurger, redacted by redactAccessLogReasons',
  'audit_events.reason_digest': 'keyed digest of the sealed reason',
  'audit_events.reason_redacted_at': 'a time',
  'destruction_log.reason': "why a record was destroyed ('retention-ended' | 'subject-request')",
  'transfers.personal_data_erased_reason':
    "why the transfer's personal data was erased ('retention-ended' | 'subject-request')",
  'destruction_log.record_kind': "the kind destroyed ('consultation.personal-data', …)",
  'destruction_log.record_id': "the destroyed record's id",
  'email_outbox.last_error': "the SMTP server's answer",
};

async function loadSchemaTables(): Promise<PgTable[]> {
  const dir = new URL('../../../db/', import.meta.url);
  const files = readdirSync(dir).filter((file) => /^(schema|\w+Schema)\.ts$/.test(file));
  const tables: PgTable[] = [];
  for (const file of files) {
    const module: Record<string, unknown> = await import(new URL(file, dir).href);
    for (const value of Object.values(module)) if (is(value, PgTable)) tables.push(value);
  }
  return tables;
}

describe('the purger registry', () => {
  it('covers every table of the sealed-column registry with a purger', () => {
    const covered = new Set<string>(personalDataPurgers.flatMap((purger) => purger.covers));
    const missing = Object.entries(sealedTables)
      .filter(([key]) => !covered.has(key))
      .map(
        ([key, table]) =>
          `table ${table.name} (sealedTables.${key}) has personal columns but no purger destroys them: ` +
          `list '${key}' in the covers of a purger in ${REGISTRY} (a new <kind>Purger.ts beside it for a new kind of record)`,
      );
    expect(missing).toEqual([]);
  });

  it('names each record kind once', () => {
    const kinds = personalDataPurgers.map((purger) => purger.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('finds every column that looks personal declared in sealedTables.ts (or known to hold no customer data)', async () => {
    const sealed = new Set(
      Object.values(sealedTables).flatMap((table) => [
        ...table.columns.map((column) => `${table.name}.${column.column}`),
        ...table.indexColumns.map((column) => `${table.name}.${column}`),
      ]),
    );
    const tables = await loadSchemaTables();
    expect(tables.length).toBeGreaterThan(10);
    const undeclared = tables.flatMap((table) =>
      Object.values(getTableColumns(table))
        // Values people type or give: text and json (ids, numbers and times are not).
        .filter((column) => ['string', 'json'].includes(column.dataType) && column.columnType !== 'PgUUID')
        .map((column) => `${getTableName(table)}.${column.name}`)
        .filter((name) => PERSONAL_NAME.test(name.split('.')[1] ?? ''))
        .filter((name) => !sealed.has(name) && !(name in notCustomerData))
        .map(
          (name) =>
            `${name} looks personal but is not sealed: declare it in ${SEALED} (repositories seal it with ` +
            `sealRow/openRow) and cover its table with a purger in ${REGISTRY}; if it holds no customer's ` +
            `personal data, add it to notCustomerData in this test with the reason`,
        ),
    );
    expect(undeclared).toEqual([]);
  });
});
