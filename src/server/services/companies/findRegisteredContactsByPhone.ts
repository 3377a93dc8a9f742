import type { CompanyStatus } from '../../../contract/companies/companyStatusSchema.ts';
import type { ContactRole } from '../../../contract/companies/contactRoleSchema.ts';
import { phoneBlindIndex } from '../../crypto/blindIndex.ts';
import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';

/** A registered contact whose phone matched, with its company, in clear (callers mask before showing). */
export type RegisteredContactMatch = {
  company: { id: string; name: string; bizNo: string; status: CompanyStatus };
  contact: { id: string; name: string; role: ContactRole };
};

// One number is registered for a handful of people at most; more would be a data problem, not a caller.
const MAX_MATCHES = 20;

/**
 * Who a phone number belongs to in the business directory: every registered contact (관리책임자 or
 * 운영담당자) listing the number, with their company — active companies first, 관리책임자 first.
 * The number may be typed in any Korean format ('010-1234-5678', '+82 10…', '01012345678'); it is
 * matched exactly through the contacts' blind index. An invalid number matches nobody (empty list).
 * Values are in clear: the caller (screen pop, registration check) masks what it shows and logs no
 * name. Takes a transaction or the database.
 */
export async function findRegisteredContactsByPhone(
  db: Database,
  codec: FieldCodec,
  phone: string,
): Promise<RegisteredContactMatch[]> {
  const index = phoneBlindIndex(codec.keys, phone);
  if (index === null) return [];
  const rows = await companyRepository.findContactsByIndex(db, codec, index, MAX_MATCHES);
  return rows.map(({ company, contact }) => ({
    company: { id: company.id, name: company.name, bizNo: company.bizNo, status: company.status },
    contact: { id: contact.id, name: contact.name, role: contact.role },
  }));
}
