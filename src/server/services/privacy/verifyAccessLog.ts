import type { AppContext } from '../../appContext.ts';
import { GENESIS_HASH, hashAuditEntry } from '../../crypto/hashAuditEntry.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';

/** The result of walking the access log's hash chain. */
export type AccessLogVerification = {
  ok: boolean;
  /** Rows whose hash was checked. */
  checked: number;
  /** Rows written before the chain existed (no hash), skipped at the start. */
  unchainedBefore: number;
  /** The first row that does not verify, and why. */
  brokenAt: { id: number; problem: string } | null;
};

/**
 * Recomputes every link of the access log's hash chain, oldest first: each row's prev_hash must be
 * the previous row's hash and its hash must match its content. A changed field, a deleted or
 * inserted row, or a reordered id breaks a link, and the first broken row is reported. The first
 * remaining row must link to the genesis value or to the last row a recorded retention purge
 * removed, so deleting old rows outside the purge shows too.
 */
export async function verifyAccessLog(ctx: AppContext): Promise<AccessLogVerification> {
  const db = ctx.database.db;
  const anchors = new Set<string>([GENESIS_HASH]);
  for (const entry of await destructionLogRepository.listByKind(db, 'audit-events')) {
    const lastHash = entry.detail.lastHash;
    if (typeof lastHash === 'string') anchors.add(lastHash);
  }
  let checked = 0;
  let unchainedBefore = 0;
  let previous: string | null = null;
  let afterId = 0;
  for (;;) {
    const rows = await auditRepository.listInChainOrder(db, afterId, 1000);
    if (rows.length === 0) break;
    for (const row of rows) {
      afterId = row.id;
      if (previous === null && row.hash === null && checked === 0) {
        unchainedBefore += 1;
        continue;
      }
      const broken = (problem: string): AccessLogVerification => ({
        ok: false,
        checked,
        unchainedBefore,
        brokenAt: { id: row.id, problem },
      });
      if (row.hash === null || row.prevHash === null) return broken('hash missing');
      if (previous === null ? !anchors.has(row.prevHash) : row.prevHash !== previous) {
        return broken(
          previous === null
            ? 'first row does not link to the start of the chain or to a recorded purge (rows removed?)'
            : 'does not link to the previous row (a row was removed or inserted)',
        );
      }
      const expected = hashAuditEntry(row.prevHash, {
        at: row.at,
        actorId: row.actorId,
        action: row.action,
        subject: row.subject,
        subjectIndex: row.subjectIndex,
        ip: row.ip,
        reason: row.reason,
        detail: row.detail,
      });
      if (expected !== row.hash) return broken('content does not match its hash (the row was altered)');
      previous = row.hash;
      checked += 1;
    }
  }
  return { ok: true, checked, unchainedBefore, brokenAt: null };
}
