import type { AppContext } from '../../appContext.ts';
import { decryptField, isEncryptedField } from '../../crypto/decryptField.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';

/** Clear contact fields of leads, by id (for an export the caller has logged and is allowed). */
export async function revealLeadContacts(
  ctx: AppContext,
  ids: readonly string[],
): Promise<Map<string, { contactName: string; phone: string; email: string }>> {
  const rows = await leadRepository.listContacts(ctx.database.db, ids);
  const open = (value: string) => (isEncryptedField(value) ? decryptField(ctx.fieldKeys, value) : value);
  return new Map(
    rows.map((row) => [
      row.id,
      { contactName: open(row.contactName), phone: open(row.phone), email: open(row.email) },
    ]),
  );
}
