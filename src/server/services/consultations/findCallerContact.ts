import type { CallerContact } from '../../../contract/consultations/callerContactSchema.ts';
import { callerContactFromDirectory } from '../../../domain/cti/callerContactFromDirectory.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import { findRegisteredContactsByPhone } from '../companies/findRegisteredContactsByPhone.ts';

/**
 * Who the business directory says the caller of a consultation is, for its own agent's record to
 * start from (callerContactFromDirectory); null without a number or a single account listing it.
 * The name is masked with the one rule, as the screen pop shows it: agents see the directory masked.
 */
export async function findCallerContact(
  db: Database,
  codec: FieldCodec,
  callerNumber: string | null,
): Promise<CallerContact | null> {
  if (callerNumber === null) return null;
  const contact = callerContactFromDirectory(await findRegisteredContactsByPhone(db, codec, callerNumber));
  if (contact === null) return null;
  return {
    companyName: contact.companyName,
    contactName: contact.contactName === null ? null : maskName(contact.contactName),
  };
}
