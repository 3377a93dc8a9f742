import type { AppContext } from '../../appContext.ts';
import { isEncryptedField } from '../../crypto/decryptField.ts';
import { encryptField } from '../../crypto/encryptField.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';

const BATCH = 1000;

/**
 * Encrypts the reasons the access log stored in clear before reasons were encrypted, once, at
 * start. Those rows belong to the first (unkeyed) chain, whose hash covers the text:
 * verifyAccessLog decrypts before checking them, so they keep verifying. Returns how many.
 */
export async function sealLegacyAccessLogReasons(ctx: AppContext): Promise<number> {
  let sealed = 0;
  let afterId = 0;
  for (;;) {
    const rows = await auditRepository.listClearReasons(ctx.database.db, afterId, BATCH);
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]?.id ?? afterId;
    const updates = rows
      .filter(
        (row): row is { id: number; reason: string } => row.reason !== null && !isEncryptedField(row.reason),
      )
      .map((row) => ({ id: row.id, reason: encryptField(ctx.fieldKeys, row.reason) }));
    await auditRepository.replaceReasons(ctx.database.db, updates);
    sealed += updates.length;
  }
  return sealed;
}
