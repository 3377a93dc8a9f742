import { addRetentionYears } from '../../../../domain/privacy/addRetentionYears.ts';
import { type DueTransfer, transferRepository } from '../../../repositories/transferRepository.ts';
import { eraseTransferPersonalData } from '../eraseTransferPersonalData.ts';
import { type ExpiredRecord, nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

const BATCH = 100;

/** When a due transfer's retention ended: its lead's or consultation's, else the default period after filing. */
function transferRetentionEnd(row: DueTransfer, years: number): Date {
  const ends = [row.leadRetentionEndsAt, row.consultationRetentionEndsAt, row.linkedErasedAt].filter(
    (date): date is Date => date !== null,
  );
  if (ends.length === 0) return addRetentionYears(row.createdAt, years);
  return new Date(Math.min(...ends.map((date) => date.getTime())));
}

/**
 * Transfers (이관) with their comments and the status notes in their history: contact name,
 * phone, e-mail, inquiry and blind index go, comment bodies are emptied and notes removed; the
 * workflow (status, times, assignee) stays. A transfer filed from a consultation or a lead goes
 * with it (consultationPurger, leadPurger); this purger takes the rest — one filed on its own,
 * IEUM_RETENTION_DEFAULT_YEARS after filing, and one whose record lost its personal data without
 * it (erased before transfers were purged).
 */
export const transferPurger: PersonalDataPurger = {
  kind: 'transfer.personal-data',
  covers: ['transfers', 'transferComments', 'transferEvents'],

  async purgeExpired(db, { now, defaultYears: years }, { dryRun, limit }) {
    const records: ExpiredRecord[] = [];
    // A transfer filed without a consultation or lead is kept for the default period from filing.
    const unlinkedCutoff = addRetentionYears(now, -years);
    if (dryRun) {
      // Listed here whatever erases them: due with their record, or on their own.
      for (const row of await transferRepository.listDue(db, now, unlinkedCutoff, limit)) {
        records.push({
          kind: 'transfer.personal-data',
          id: row.id,
          retentionEndedAt: transferRetentionEnd(row, years).toISOString(),
        });
      }
      return { records, removedRows: 0 };
    }
    while (records.length < limit) {
      const erased = await db.transaction(async (tx) => {
        const batch = await transferRepository.lockUnlinkedExpiredBatch(tx, unlinkedCutoff, BATCH);
        // Linked to a consultation: its record was erased already (before transfers were purged, or
        // by a data-subject request); the transfer follows now.
        const ended = new Map(
          batch.map((row) => [
            row.id,
            row.consultationId === null
              ? addRetentionYears(row.createdAt, years).toISOString()
              : now.toISOString(),
          ]),
        );
        const ids = await eraseTransferPersonalData(
          tx,
          batch.map((row) => ({
            id: row.id,
            detail: {
              retentionEndedAt: ended.get(row.id),
              ...(row.consultationId === null
                ? { retentionYears: years }
                : { consultationId: row.consultationId, followed: 'erased consultation or lead' }),
            },
          })),
          { at: now, reason: 'retention-ended', actorId: null, detail: {} },
        );
        return ids.map((id) => ({
          kind: 'transfer.personal-data' as const,
          id,
          retentionEndedAt: ended.get(id) ?? '',
        }));
      });
      if (erased.length === 0) break;
      records.push(...erased);
    }
    return { records, removedRows: 0 };
  },

  async eraseSubject(tx, found, erasure) {
    const linked = await transferRepository.listUnerasedByConsultations(tx, [...found.consultationIds]);
    // Transfers naming the subject themselves, e.g. one filed through the API without a consultation.
    const named = (await transferRepository.listUnerasedByPersonalIndex(tx, found.personalIndex)).filter(
      (row) => !linked.some((other) => other.id === row.id),
    );
    const transfers = await eraseTransferPersonalData(
      tx,
      [...linked, ...named].map((row) => ({ id: row.id, detail: { consultationId: row.consultationId } })),
      erasure,
    );
    return { ...nothingErased(), transfers };
  },
};
