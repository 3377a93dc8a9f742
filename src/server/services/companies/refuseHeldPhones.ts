import { maskName } from '../../../domain/privacy/maskName.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import type { ContactValues, DirectoryContact } from '../../repositories/companyRepository.ts';

/**
 * Refuses (409) a contact whose phone another contact of the same company already has: a CTI pop
 * from that number would have two people to name. The holder is named as the directory shows them
 * (masked name and role); the phone by its place in the request, never in clear.
 */
export function refuseHeldPhones(
  contact: ContactValues,
  companyContacts: readonly DirectoryContact[],
  ownId: string | null,
): void {
  const others = companyContacts.filter((other) => other.id !== ownId);
  for (const [index, phone] of contact.phones.entries()) {
    const holder = others.find((other) => other.phones.includes(phone));
    if (holder === undefined) continue;
    throw new AppError(
      'conflict',
      msg('companies.phoneHeld', { nth: index + 1, role: holder.role, holder: maskName(holder.name) }),
      [{ where: `/phones/${index}`, message: msg('companies.phoneHeldDetail') }],
    );
  }
}
