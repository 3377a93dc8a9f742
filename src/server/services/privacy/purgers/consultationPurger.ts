import { consultationRepository } from '../../../repositories/consultationRepository.ts';
import { destructionLogRepository } from '../../../repositories/destructionLogRepository.ts';
import { transferRepository } from '../../../repositories/transferRepository.ts';
import { eraseTransferPersonalData } from '../eraseTransferPersonalData.ts';
import { type ExpiredRecord, nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

const BATCH = 100;
// The fields erased from a consultation (the draft goes with them); the log names them, never their values.
const ERASED_FIELDS = ['callerNumber', 'recordTitle', 'recordBody', 'recordFields', 'personalIndex'];

/**
 * Consultations — completed, abandoned (their retention is set as a completion's) and the draft of
 * a call in progress: caller number, record title, body and fields, draft and blind index go; type,
 * outcome, category, path and times stay. The transfer filed from a consultation loses its contact
 * fields in the same transaction, since a copy must not outlive the record.
 */
export const consultationPurger: PersonalDataPurger = {
  kind: 'consultation.personal-data',
  covers: ['consultations'],

  async purgeExpired(db, { now }, { dryRun, limit }) {
    const records: ExpiredRecord[] = [];
    if (dryRun) {
      for (const row of await consultationRepository.listExpired(db, now, limit)) {
        records.push({
          kind: 'consultation.personal-data',
          id: row.id,
          retentionEndedAt: (row.retentionEndsAt ?? now).toISOString(),
        });
      }
      return { records, removedRows: 0 };
    }
    while (records.length < limit) {
      const erased = await db.transaction(async (tx) => {
        const batch = await consultationRepository.lockExpiredBatch(tx, now, BATCH);
        const ids = await consultationRepository.erasePersonalData(
          tx,
          batch.map((row) => row.id),
          now,
        );
        const ended = new Map(batch.map((row) => [row.id, (row.retentionEndsAt ?? now).toISOString()]));
        const linked = await transferRepository.listUnerasedByConsultations(tx, ids);
        const transfers = await eraseTransferPersonalData(
          tx,
          linked.map((row) => ({
            id: row.id,
            detail: {
              consultationId: row.consultationId,
              retentionEndedAt: ended.get(row.consultationId) ?? null,
            },
          })),
          { at: now, reason: 'retention-ended', actorId: null, detail: {} },
        );
        const consultationOf = new Map(linked.map((row) => [row.id, row.consultationId]));
        await destructionLogRepository.appendMany(
          tx,
          ids.map((id) => ({
            at: now,
            recordKind: 'consultation.personal-data',
            recordId: id,
            reason: 'retention-ended' as const,
            actorId: null,
            detail: { fields: ERASED_FIELDS, retentionEndedAt: ended.get(id) ?? null },
          })),
        );
        return [
          ...ids.map((id) => ({
            kind: 'consultation.personal-data' as const,
            id,
            retentionEndedAt: ended.get(id) ?? '',
          })),
          ...transfers.map((id) => ({
            kind: 'transfer.personal-data' as const,
            id,
            retentionEndedAt: ended.get(consultationOf.get(id) ?? '') ?? '',
          })),
        ];
      });
      if (erased.length === 0) break;
      records.push(...erased);
    }
    return { records, removedRows: 0 };
  },

  async eraseSubject(tx, found, erasure) {
    const ids = await consultationRepository.erasePersonalData(tx, [...found.consultationIds], erasure.at);
    await destructionLogRepository.appendMany(
      tx,
      ids.map((id) => ({
        at: erasure.at,
        recordKind: 'consultation.personal-data',
        recordId: id,
        reason: erasure.reason,
        actorId: erasure.actorId,
        detail: { fields: ERASED_FIELDS, ...erasure.detail },
      })),
    );
    return { ...nothingErased(), consultations: ids };
  },
};
