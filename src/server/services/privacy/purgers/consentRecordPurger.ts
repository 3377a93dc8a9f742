import { consentRecordRepository } from '../../../repositories/consentRecordRepository.ts';
import { destructionLogRepository } from '../../../repositories/destructionLogRepository.ts';
import { type ExpiredRecord, nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

const BATCH = 100;

/**
 * Consent records, deleted whole at their own retention end. They hold no personal values (notice,
 * version, items, agent, times), so a data-subject request keeps them as the evidence of what was
 * agreed until then.
 */
export const consentRecordPurger: PersonalDataPurger = {
  kind: 'consent-record',
  covers: [],

  async purgeExpired(db, { now }, { dryRun, limit }) {
    const records: ExpiredRecord[] = [];
    if (dryRun) {
      for (const row of await consentRecordRepository.listExpired(db, now, limit)) {
        records.push({
          kind: 'consent-record',
          id: row.id,
          retentionEndedAt: row.retentionEndsAt.toISOString(),
        });
      }
      return { records, removedRows: 0 };
    }
    while (records.length < limit) {
      const deleted = await db.transaction(async (tx) => {
        const batch = await consentRecordRepository.lockExpiredBatch(tx, now, BATCH);
        await consentRecordRepository.deleteByIds(
          tx,
          batch.map((row) => row.id),
        );
        await destructionLogRepository.appendMany(
          tx,
          batch.map((row) => ({
            at: now,
            recordKind: 'consent-record',
            recordId: row.id,
            reason: 'retention-ended' as const,
            actorId: null,
            detail: {
              consultationId: row.consultationId,
              retentionEndedAt: row.retentionEndsAt.toISOString(),
            },
          })),
        );
        return batch.map((row) => ({
          kind: 'consent-record' as const,
          id: row.id,
          retentionEndedAt: row.retentionEndsAt.toISOString(),
        }));
      });
      if (deleted.length === 0) break;
      records.push(...deleted);
    }
    return { records, removedRows: 0 };
  },

  async eraseSubject() {
    return nothingErased();
  },
};
