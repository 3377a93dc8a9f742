import { redactSubjectFromText, type SubjectValues } from '../../../domain/privacy/redactSubjectFromText.ts';
import { encryptField } from '../../crypto/encryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { Database } from '../../db/openDatabase.ts';
import {
  auditRepository,
  openAuditReason,
  UNREADABLE_AUDIT_REASON,
} from '../../repositories/auditRepository.ts';

const BATCH = 1000;

/**
 * Erases one data subject's phone numbers (any format), e-mail addresses and names from every
 * access-log reason — for a data-subject delete, inside its transaction. Reasons are encrypted, so
 * each is opened, redacted and sealed again under the current key; the row keeps everything else
 * and is marked `reason_redacted_at`. The keyed chain covers the reason's digest, not its text, so
 * `verifyAccessLog` still verifies afterwards. Returns the ids of the rows changed.
 */
export async function redactAccessLogReasons(
  db: Database,
  keys: FieldKeys,
  subject: SubjectValues,
  at: Date,
): Promise<number[]> {
  const changed: number[] = [];
  let afterId = 0;
  for (;;) {
    const rows = await auditRepository.listWithReason(db, afterId, BATCH);
    if (rows.length === 0) break;
    const updates: { id: number; reason: string; redactedAt: Date }[] = [];
    for (const row of rows) {
      afterId = row.id;
      const reason = openAuditReason(keys, row.reason);
      if (reason === null || reason === UNREADABLE_AUDIT_REASON) continue;
      const redacted = redactSubjectFromText(reason, subject);
      if (redacted !== reason)
        updates.push({ id: row.id, reason: encryptField(keys, redacted), redactedAt: at });
    }
    await auditRepository.replaceReasons(db, updates);
    changed.push(...updates.map((update) => update.id));
  }
  return changed;
}
