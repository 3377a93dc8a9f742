import { decideTransferTransition } from '../../../domain/transfer/decideTransferTransition.ts';
import type { Database } from '../../db/openDatabase.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import { emailOutboxRepository } from '../../repositories/emailOutboxRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';

/** Why and when personal data is being erased, as the destruction log records it. */
export type Erasure = {
  at: Date;
  reason: 'retention-ended' | 'subject-request';
  /** Who asked (a data-subject request); null for the scheduled purge. */
  actorId: string | null;
  /** Added to every entry (the request's reason) — never values. */
  detail: Record<string, unknown>;
};

/** One record to erase, and what its destruction-log entry adds (retention end, the record it followed). */
export type ErasureTarget = { id: string; detail?: Record<string, unknown> };

// The destruction log names the erased fields, never their values.
const TRANSFER_FIELDS = ['contactName', 'phone', 'email', 'inquiry', 'comments'];

/**
 * Erases the personal fields of transfers (contact name, phone, e-mail, inquiry, comment bodies)
 * inside the caller's transaction and writes one destruction-log entry ('transfer.personal-data')
 * per transfer erased now; transfers already erased are skipped, so nothing is logged twice.
 * The staff notices about them go too, queued or kept: they quote the inquiry and comments.
 * An open transfer closes in the same transaction (nobody can call a customer whose contact points
 * are gone, and it must not stay overdue in the queue), and every erased one gets an 'erased'
 * history entry saying why. Returns the ids erased.
 */
export async function eraseTransferPersonalData(
  tx: Database,
  targets: readonly ErasureTarget[],
  erasure: Erasure,
): Promise<string[]> {
  const erased = await transferRepository.erasePersonalData(
    tx,
    targets.map((target) => target.id),
    erasure.at,
    erasure.reason,
  );
  const ids = erased.map((row) => row.id);
  const closing = erased.filter(
    (row) =>
      decideTransferTransition({
        from: row.status,
        to: 'closed',
        now: erasure.at,
        cause: 'personal-data-erased',
      }).ok,
  );
  await transferRepository.closeErased(
    tx,
    closing.map((row) => row.id),
    erasure.at,
  );
  const closes = new Set(closing.map((row) => row.id));
  await transferRepository.appendErasedEvents(
    tx,
    erased.map((row) => ({
      transferId: row.id,
      actorId: erasure.actorId,
      detail: {
        reason: erasure.reason,
        ...(closes.has(row.id) ? { fromStatus: row.status, toStatus: 'closed' } : {}),
      },
      at: erasure.at,
    })),
  );
  await emailOutboxRepository.deleteTransferNotices(tx, ids);
  const details = new Map(targets.map((target) => [target.id, target.detail ?? {}]));
  await destructionLogRepository.appendMany(
    tx,
    ids.map((id) => ({
      at: erasure.at,
      recordKind: 'transfer.personal-data',
      recordId: id,
      reason: erasure.reason,
      actorId: erasure.actorId,
      detail: { fields: TRANSFER_FIELDS, ...erasure.detail, ...details.get(id) },
    })),
  );
  return ids;
}
