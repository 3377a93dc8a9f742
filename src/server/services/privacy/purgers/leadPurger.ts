import { leadRepository } from '../../../repositories/leadRepository.ts';
import { eraseLeadPersonalData } from '../eraseLeadPersonalData.ts';
import { type ExpiredRecord, nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

const BATCH = 100;

/**
 * Sign-up leads, at their consent's retention end: contact name, phone, e-mail, business number,
 * blind indexes and callback notes go, with the transfer filed for the lead and the brochure
 * e-mail (recipient, subject and body in the outbox) — each logged under its own kind.
 */
export const leadPurger: PersonalDataPurger = {
  kind: 'lead.personal-data',
  covers: ['leads', 'leadCallbacks', 'emailOutbox'],

  async purgeExpired(db, { now }, { dryRun, limit }) {
    const records: ExpiredRecord[] = [];
    if (dryRun) {
      for (const row of await leadRepository.listExpired(db, now, limit)) {
        const retentionEndedAt = row.retentionEndsAt.toISOString();
        records.push({ kind: 'lead.personal-data', id: row.id, retentionEndedAt });
        if (row.brochureEmailId) {
          records.push({ kind: 'email.personal-data', id: row.brochureEmailId, retentionEndedAt });
        }
      }
      return { records, removedRows: 0 };
    }
    while (records.length < limit) {
      const erased = await db.transaction(async (tx) => {
        const batch = await leadRepository.lockExpiredBatch(tx, now, BATCH);
        const ended = new Map(batch.map((row) => [row.id, row.retentionEndsAt.toISOString()]));
        const done = await eraseLeadPersonalData(
          tx,
          batch.map((row) => ({ id: row.id, detail: { retentionEndedAt: ended.get(row.id) } })),
          { at: now, reason: 'retention-ended', actorId: null, detail: {} },
        );
        const endedOfTransfer = new Map(
          done.leads.map((lead) => [lead.transferId, ended.get(lead.id) ?? '']),
        );
        const endedOfEmail = new Map(
          done.leads.flatMap((lead) =>
            lead.brochureEmailId ? [[lead.brochureEmailId, ended.get(lead.id) ?? ''] as const] : [],
          ),
        );
        return [
          ...done.leads.map((lead) => ({
            kind: 'lead.personal-data' as const,
            id: lead.id,
            retentionEndedAt: ended.get(lead.id) ?? '',
          })),
          ...done.transfers.map((id) => ({
            kind: 'transfer.personal-data' as const,
            id,
            retentionEndedAt: endedOfTransfer.get(id) ?? '',
          })),
          ...done.emails.map((id) => ({
            kind: 'email.personal-data' as const,
            id,
            retentionEndedAt: endedOfEmail.get(id) ?? '',
          })),
        ];
      });
      if (erased.length === 0) break;
      records.push(...erased);
    }
    return { records, removedRows: 0 };
  },

  async eraseSubject(tx, found, erasure) {
    const erased = await eraseLeadPersonalData(
      tx,
      found.leadIds.map((id) => ({ id })),
      erasure,
    );
    return {
      ...nothingErased(),
      leads: erased.leads.map((lead) => lead.id),
      transfers: erased.transfers,
    };
  },
};
