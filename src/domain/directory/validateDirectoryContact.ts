import type { ContactRole } from '../../contract/companies/contactRoleSchema.ts';
import { normalizeKoreanPhone } from '../privacy/normalizeKoreanPhone.ts';
import { validateEmail } from '../privacy/validateEmail.ts';
import { directoryLimits } from './directoryFields.ts';
import type { ImportRefusal } from './importRefusal.ts';
import { parseContactRole } from './parseContactRole.ts';

/** A contact as typed (a file row's cells, or an API body). */
export type DirectoryContactInput = {
  name: string;
  role: string;
  phones: readonly string[];
  emails: readonly string[];
};

/** A valid contact: name trimmed, phones in display form ('010-1234-5678'), e-mails checked; duplicates dropped. */
export type ValidDirectoryContact = {
  name: string;
  role: ContactRole;
  phones: string[];
  emails: string[];
};

/**
 * Checks one registered contact. Phones must be Korean numbers a person answers on (mobile,
 * landline, 070, 050X); representative (15XX/16XX/18XX) and 080 numbers are a company's line
 * and are refused, since a caller is identified by the number they call from. At least one
 * phone is required; e-mails are optional. Every problem is returned, not just the first.
 */
export function validateDirectoryContact(
  input: DirectoryContactInput,
): { ok: true; contact: ValidDirectoryContact } | { ok: false; refusals: ImportRefusal[] } {
  const refusals: ImportRefusal[] = [];
  const name = input.name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') refusals.push({ code: 'missing-field', field: 'contactName' });
  else if (Array.from(name).length > directoryLimits.contactName)
    refusals.push({ code: 'too-long', field: 'contactName', max: directoryLimits.contactName });
  const role = parseContactRole(input.role);
  if (input.role.trim() === '') refusals.push({ code: 'missing-field', field: 'role' });
  else if (role === null) refusals.push({ code: 'bad-role' });
  const phoneTexts = input.phones.map((phone) => phone.trim()).filter((phone) => phone !== '');
  const phones: string[] = [];
  if (phoneTexts.length === 0) refusals.push({ code: 'missing-field', field: 'phones' });
  else if (phoneTexts.length > directoryLimits.phones)
    refusals.push({ code: 'too-many', field: 'phones', max: directoryLimits.phones });
  phoneTexts.forEach((text, value) => {
    const phone = normalizeKoreanPhone(text);
    if (!phone.ok) refusals.push({ code: 'bad-phone', value });
    else if (phone.kind === 'representative' || phone.kind === 'toll-free')
      refusals.push({ code: 'business-phone', value });
    else if (!phones.includes(phone.display)) phones.push(phone.display);
  });
  const emailTexts = input.emails.map((email) => email.trim()).filter((email) => email !== '');
  const emails: string[] = [];
  if (emailTexts.length > directoryLimits.emails)
    refusals.push({ code: 'too-many', field: 'emails', max: directoryLimits.emails });
  emailTexts.forEach((text, value) => {
    const email = validateEmail(text);
    if (!email.ok) refusals.push({ code: 'bad-email', value });
    else if (!emails.some((known) => known.toLowerCase() === email.email.toLowerCase()))
      emails.push(email.email);
  });
  if (refusals.length > 0 || role === null) return { ok: false, refusals };
  return { ok: true, contact: { name, role, phones, emails } };
}
