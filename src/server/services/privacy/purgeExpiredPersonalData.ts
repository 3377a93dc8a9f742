import type { RetentionPurgeReport } from '../../../contract/privacy/retentionPurgeReportSchema.ts';
import { addRetentionYears } from '../../../domain/privacy/addRetentionYears.ts';
import { forgetRememberedPhones } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import type { AppContext } from '../../appContext.ts';
import { accessLogPurger } from './purgers/accessLogPurger.ts';
import type { ExpiredRecord, RetentionPolicy } from './purgers/personalDataPurger.ts';
import { personalDataPurgers } from './purgers/purgerRegistry.ts';

/** What a purge did (or, dry run, would do): the contract's answer of `POST /api/v1/retention/purge`. */
export type PurgeReport = RetentionPurgeReport;

/**
 * Destroys personal data whose retention has ended (PIPA Art. 21), without delay and for good, by
 * running every purger of the registry (purgers/purgerRegistry.ts) in order: consultations keep
 * their non-personal fields (type, outcome, category, path, times) and lose caller number, record
 * and draft, with the transfer filed from them (a copy must not outlive the record); sign-up leads
 * lose their contact fields at their consent's retention end, with their transfer and brochure
 * e-mail; a transfer filed on its own goes IEUM_RETENTION_DEFAULT_YEARS after filing; consent
 * records go; the month-old webhook delivery log goes; access-log rows older than their retention
 * go. Each destruction is logged (kind, id, when, why — no values).
 *
 * Safe on several instances at once: each purger locks its batches with FOR UPDATE SKIP LOCKED,
 * each in its own transaction, which erases, logs and commits together, so instances take
 * disjoint batches and nothing is erased twice or logged without being erased. With `dryRun` it
 * only lists.
 */
export async function purgeExpiredPersonalData(
  ctx: AppContext,
  options: { dryRun: boolean; limit?: number },
): Promise<PurgeReport> {
  const db = ctx.database.db;
  const now = ctx.now();
  const limit = options.limit ?? 100_000;
  const policy: RetentionPolicy = {
    now,
    defaultYears: ctx.env.IEUM_RETENTION_DEFAULT_YEARS,
    accessLogCutoff: addRetentionYears(now, -ctx.env.IEUM_ACCESS_LOG_RETENTION_YEARS),
    fieldKeys: ctx.fieldKeys,
  };
  const records: ExpiredRecord[] = [];
  let accessLogRows = 0;
  let otherRows = 0;
  for (const purger of personalDataPurgers) {
    const done = await purger.purgeExpired(db, policy, {
      dryRun: options.dryRun,
      limit: Math.max(0, limit - records.length),
    });
    records.push(...done.records);
    if (purger === accessLogPurger) accessLogRows += done.removedRows;
    else otherRows += done.removedRows;
  }
  if (!options.dryRun && (records.length > 0 || accessLogRows > 0 || otherRows > 0)) {
    forgetRememberedPhones();
    ctx.logger.info(
      { erased: records.length, accessLogRows, otherRows },
      'retention purge destroyed personal data whose retention ended',
    );
  }
  return { dryRun: options.dryRun, at: now.toISOString(), records, accessLogRows };
}
