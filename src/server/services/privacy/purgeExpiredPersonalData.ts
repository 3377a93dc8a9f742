import { addRetentionYears } from '../../../domain/privacy/addRetentionYears.ts';
import type { AppContext } from '../../appContext.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { consentRecordRepository } from '../../repositories/consentRecordRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { type DueTransfer, transferRepository } from '../../repositories/transferRepository.ts';
import { eraseLeadPersonalData } from './eraseLeadPersonalData.ts';
import { eraseTransferPersonalData } from './eraseTransferPersonalData.ts';

/** One record whose retention has ended. */
export type ExpiredRecord = {
  kind:
    | 'consultation.personal-data'
    | 'consent-record'
    | 'lead.personal-data'
    | 'transfer.personal-data'
    | 'email.personal-data';
  id: string;
  retentionEndedAt: string;
};

/** What a purge did (or, dry run, would do). */
export type PurgeReport = {
  dryRun: boolean;
  at: string;
  records: ExpiredRecord[];
  /** Access-log rows older than IEUM_ACCESS_LOG_RETENTION_YEARS (removed, or that would be). */
  accessLogRows: number;
};

const BATCH = 100;
// The fields the purge erases from a consultation; the destruction log names them, never their values.
const ERASED_FIELDS = ['callerNumber', 'recordTitle', 'recordBody', 'recordFields', 'personalIndex'];

/** When a due transfer's retention ended: its lead's or consultation's, else the default period after filing. */
function transferRetentionEnd(row: DueTransfer, years: number): Date {
  const ends = [row.leadRetentionEndsAt, row.consultationRetentionEndsAt, row.linkedErasedAt].filter(
    (date): date is Date => date !== null,
  );
  if (ends.length === 0) return addRetentionYears(row.createdAt, years);
  return new Date(Math.min(...ends.map((date) => date.getTime())));
}

/**
 * Destroys personal data whose retention has ended (PIPA Art. 21), without delay and for good:
 * consultations keep their non-personal fields (type, outcome, category, path, times) and lose
 * caller number, record title, body and fields, and the transfer filed from them loses its
 * contact fields in the same transaction (a copy must not outlive the record); sign-up leads lose
 * contact name, phone, e-mail and their indexes at their consent's retention end, with their
 * transfer and brochure e-mail; a transfer filed on its own goes IEUM_RETENTION_DEFAULT_YEARS
 * after filing; consent records go; access-log rows older than their retention go. Each
 * destruction is logged (kind, id, when, why — no values).
 *
 * Safe on several instances at once: each batch is locked with FOR UPDATE SKIP LOCKED in its own
 * transaction, which erases, logs and commits together, so instances take disjoint batches and
 * nothing is erased twice or logged without being erased. With `dryRun` it only lists.
 */
export async function purgeExpiredPersonalData(
  ctx: AppContext,
  options: { dryRun: boolean; limit?: number },
): Promise<PurgeReport> {
  const db = ctx.database.db;
  const now = ctx.now();
  const limit = options.limit ?? 100_000;
  const accessLogCutoff = addRetentionYears(now, -ctx.env.IEUM_ACCESS_LOG_RETENTION_YEARS);
  const records: ExpiredRecord[] = [];
  const years = ctx.env.IEUM_RETENTION_DEFAULT_YEARS;
  // A transfer filed without a consultation or lead is kept for the default period from filing.
  const unlinkedCutoff = addRetentionYears(now, -years);

  if (options.dryRun) {
    for (const row of await consultationRepository.listExpired(db, now, limit)) {
      records.push({
        kind: 'consultation.personal-data',
        id: row.id,
        retentionEndedAt: (row.retentionEndsAt ?? now).toISOString(),
      });
    }
    for (const row of await leadRepository.listExpired(db, now, limit)) {
      const retentionEndedAt = row.retentionEndsAt.toISOString();
      records.push({ kind: 'lead.personal-data', id: row.id, retentionEndedAt });
      if (row.brochureEmailId) {
        records.push({ kind: 'email.personal-data', id: row.brochureEmailId, retentionEndedAt });
      }
    }
    for (const row of await transferRepository.listDue(db, now, unlinkedCutoff, limit)) {
      records.push({
        kind: 'transfer.personal-data',
        id: row.id,
        retentionEndedAt: transferRetentionEnd(row, years).toISOString(),
      });
    }
    for (const row of await consentRecordRepository.listExpired(db, now, limit)) {
      records.push({
        kind: 'consent-record',
        id: row.id,
        retentionEndedAt: row.retentionEndsAt.toISOString(),
      });
    }
    const accessLogRows = await auditRepository.countOlderThan(db, accessLogCutoff);
    return { dryRun: true, at: now.toISOString(), records, accessLogRows };
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

  while (records.length < limit) {
    const erased = await db.transaction(async (tx) => {
      const batch = await leadRepository.lockExpiredBatch(tx, now, BATCH);
      const ended = new Map(batch.map((row) => [row.id, row.retentionEndsAt.toISOString()]));
      const done = await eraseLeadPersonalData(
        tx,
        batch.map((row) => ({ id: row.id, detail: { retentionEndedAt: ended.get(row.id) } })),
        { at: now, reason: 'retention-ended', actorId: null, detail: {} },
      );
      const endedOfTransfer = new Map(done.leads.map((lead) => [lead.transferId, ended.get(lead.id) ?? '']));
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
          detail: { consultationId: row.consultationId, retentionEndedAt: row.retentionEndsAt.toISOString() },
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

  const accessLog = await db.transaction(async (tx) => {
    const removed = await auditRepository.deleteOlderThan(tx, accessLogCutoff);
    if (removed.count > 0) {
      // Recorded in the keyed chain itself: the anchor its new first row links to, which nobody
      // without the key can forge to hide rows removed outside the purge (verifyAccessLog).
      await auditRepository.append(tx, ctx.fieldKeys, {
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

  if (records.length > 0 || accessLog > 0) {
    ctx.logger.info(
      { erased: records.length, accessLogRows: accessLog },
      'retention purge destroyed personal data whose retention ended',
    );
  }
  return { dryRun: false, at: now.toISOString(), records, accessLogRows: accessLog };
}
