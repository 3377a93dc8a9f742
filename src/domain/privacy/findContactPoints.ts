import { personalDataPattern } from './maskText.ts';
import { normalizeKoreanPhone } from './normalizeKoreanPhone.ts';

/** Phone numbers and emails found in a text, normalised for lookup and de-duplicated. */
export type ContactPoints = {
  /** Domestic digits of each valid personal number ('01012345678'); business numbers are left out. */
  readonly phones: string[];
  /** Each address, trimmed and lower-cased. */
  readonly emails: string[];
};

/**
 * Finds the phone numbers and email addresses in free text (a consultation body, an inquiry line),
 * the same spans `maskText` masks, so a data-subject request by phone or email also finds records
 * where the number was only written in the body. Representative and toll-free numbers identify a
 * company's line, not a person, and are not returned.
 */
export function findContactPoints(text: string): ContactPoints {
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (const match of text.matchAll(personalDataPattern())) {
    if (match[1] !== undefined) {
      emails.add(match[1].normalize('NFKC').trim().toLowerCase());
      continue;
    }
    const phone = normalizeKoreanPhone(match[0]);
    if (phone.ok && phone.kind !== 'representative' && phone.kind !== 'toll-free') phones.add(phone.digits);
  }
  return { phones: [...phones], emails: [...emails] };
}
