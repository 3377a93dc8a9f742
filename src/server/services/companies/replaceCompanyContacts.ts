import { nameBlindIndex } from '../../crypto/blindIndex.ts';
import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import {
  type ContactInsert,
  type ContactValues,
  companyRepository,
} from '../../repositories/companyRepository.ts';

/**
 * Makes `contacts` the whole contact list of each company (an import, or a PUT with contacts).
 * A contact already registered with the same name (spacing and case aside) and role keeps its id
 * and creation time — the CTI pop and records may point at it — and gets the new phones and
 * e-mails; the company's other contacts are removed. Runs in the caller's transaction.
 */
export async function replaceCompanyContacts(
  tx: Database,
  codec: FieldCodec,
  entries: ReadonlyArray<{ companyId: string; isNew?: boolean; contacts: readonly ContactValues[] }>,
  now: Date,
): Promise<{ written: number; removed: number }> {
  // Only companies that existed before can have contacts to keep or remove.
  const companyIds = entries.filter((entry) => !entry.isNew).map((entry) => entry.companyId);
  const existing = await companyRepository.listContactKeys(tx, companyIds);
  const keyOf = (companyId: string, nameIndex: string | null, role: string) =>
    `${companyId}\u0000${nameIndex}\u0000${role}`;
  const kept = new Map(existing.map((row) => [keyOf(row.companyId, row.nameIndex, row.role), row]));
  let matched = 0;
  const inserts: ContactInsert[] = entries.flatMap((entry) =>
    entry.contacts.map((contact) => {
      const key = keyOf(entry.companyId, nameBlindIndex(codec.keys, contact.name), contact.role);
      const prior = kept.get(key);
      if (prior === undefined) return { ...contact, companyId: entry.companyId };
      kept.delete(key);
      matched += 1;
      return { ...contact, companyId: entry.companyId, id: prior.id, createdAt: prior.createdAt };
    }),
  );
  if (existing.length > 0) await companyRepository.deleteContactsOfCompanies(tx, companyIds);
  await companyRepository.writeContacts(tx, codec, inserts, now);
  return { written: inserts.length, removed: existing.length - matched };
}
