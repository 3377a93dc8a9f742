import { addRetentionYears } from '../../../../domain/privacy/addRetentionYears.ts';
import { companyContactErasureRepository } from '../../../repositories/companyContactErasureRepository.ts';
import { destructionLogRepository } from '../../../repositories/destructionLogRepository.ts';
import { type ExpiredRecord, nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

const BATCH = 100;
const KIND = 'company-contact.personal-data';
const FIELDS = ['name', 'phones', 'emails', 'contactIndex', 'nameIndex', 'nameChoseongIndex'];

/**
 * The business directory's registered contacts (관리책임자, 운영담당자): kept while their company is
 * an active account, deleted IEUM_RETENTION_DEFAULT_YEARS after it became inactive; a data-subject
 * request by phone or e-mail deletes the contacts holding it. The company (business data) stays.
 */
export const companyContactPurger: PersonalDataPurger = {
  kind: KIND,
  covers: ['companyContacts'],

  async purgeExpired(db, { now, defaultYears }, { dryRun, limit }) {
    const cutoff = addRetentionYears(now, -defaultYears);
    const endOf = (inactiveSince: Date | null) =>
      addRetentionYears(inactiveSince ?? now, defaultYears).toISOString();
    const records: ExpiredRecord[] = [];
    if (dryRun) {
      for (const row of await companyContactErasureRepository.listExpired(db, cutoff, limit)) {
        records.push({ kind: KIND, id: row.id, retentionEndedAt: endOf(row.inactiveSince) });
      }
      return { records, removedRows: 0 };
    }
    while (records.length < limit) {
      const erased = await db.transaction(async (tx) => {
        const batch = await companyContactErasureRepository.lockExpiredBatch(tx, cutoff, BATCH);
        const ended = new Map(batch.map((row) => [row.id, endOf(row.inactiveSince)]));
        const deleted = await companyContactErasureRepository.deleteByIds(
          tx,
          batch.map((row) => row.id),
        );
        await destructionLogRepository.appendMany(
          tx,
          deleted.map((row) => ({
            at: now,
            recordKind: KIND,
            recordId: row.id,
            reason: 'retention-ended' as const,
            actorId: null,
            detail: { fields: FIELDS, companyId: row.companyId, retentionEndedAt: ended.get(row.id) ?? null },
          })),
        );
        return deleted.map((row) => ({ kind: KIND, id: row.id, retentionEndedAt: ended.get(row.id) ?? '' }));
      });
      if (erased.length === 0) break;
      records.push(...erased);
    }
    return { records, removedRows: 0 };
  },

  async eraseSubject(tx, found, erasure) {
    const deleted = await companyContactErasureRepository.deleteByContactIndex(tx, found.personalIndex);
    await destructionLogRepository.appendMany(
      tx,
      deleted.map((row) => ({
        at: erasure.at,
        recordKind: KIND,
        recordId: row.id,
        reason: erasure.reason,
        actorId: erasure.actorId,
        detail: { fields: FIELDS, companyId: row.companyId, ...erasure.detail },
      })),
    );
    // Logged in the destruction log; the request's answer lists consultations, leads and transfers.
    return nothingErased();
  },
};
