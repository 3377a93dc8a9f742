import { auditRepository } from '../../../repositories/auditRepository.ts';
import { destructionLogRepository } from '../../../repositories/destructionLogRepository.ts';
import { nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

/**
 * The access log (audit_events: who saw what, and their reason, which may name the customer):
 * rows older than IEUM_ACCESS_LOG_RETENTION_YEARS are deleted, oldest first, and counted
 * (the report's accessLogRows). A data-subject request keeps the rows — they are the evidence of
 * the access — and redacts the subject from their reasons (redactAccessLogReasons).
 */
export const accessLogPurger: PersonalDataPurger = {
  kind: 'audit-events',
  covers: [],

  async purgeExpired(db, { now, accessLogCutoff, fieldKeys }, { dryRun }) {
    if (dryRun)
      return { records: [], removedRows: await auditRepository.countOlderThan(db, accessLogCutoff) };
    const removedRows = await db.transaction(async (tx) => {
      const removed = await auditRepository.deleteOlderThan(tx, accessLogCutoff);
      if (removed.count > 0) {
        // Recorded in the keyed chain itself: the anchor its new first row links to, which nobody
        // without the key can forge to hide rows removed outside the purge (verifyAccessLog).
        await auditRepository.append(tx, fieldKeys, {
          at: now,
          actorId: null,
          action: 'access-log.purged',
          detail: {
            rows: removed.count,
            upToId: removed.lastId,
            upToSeq: removed.lastSeq,
            lastHash: removed.lastHash,
            before: accessLogCutoff.toISOString(),
          },
        });
        await destructionLogRepository.appendMany(tx, [
          {
            at: now,
            recordKind: 'audit-events',
            recordId: `..${removed.lastId}`,
            reason: 'retention-ended',
            actorId: null,
            // The last removed hash anchors the chain's new first row (verifyAccessLog).
            detail: {
              rows: removed.count,
              upToId: removed.lastId,
              lastHash: removed.lastHash,
              before: accessLogCutoff.toISOString(),
            },
          },
        ]);
      }
      return removed.count;
    });
    return { records: [], removedRows };
  },

  async eraseSubject() {
    return nothingErased();
  },
};
