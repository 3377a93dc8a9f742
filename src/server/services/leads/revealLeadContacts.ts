import type { AppContext } from '../../appContext.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';

/** Clear contact fields of leads, by id (for an export the caller has logged and is allowed). */
export async function revealLeadContacts(
  ctx: AppContext,
  ids: readonly string[],
): Promise<Map<string, { contactName: string; phone: string; email: string }>> {
  const rows = await leadRepository.listContacts(ctx.database.db, ctx.fieldCodec, ids);
  return new Map(
    rows.map((row) => [row.id, { contactName: row.contactName, phone: row.phone, email: row.email }]),
  );
}
