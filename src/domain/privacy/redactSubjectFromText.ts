import { personalDataPattern } from './maskText.ts';
import { normalizeKoreanPhone } from './normalizeKoreanPhone.ts';
import { replaceKnownNames } from './replaceKnownNames.ts';

/** What identifies one data subject in free text. */
export type SubjectValues = {
  /** Domestic digits ('01012345678'); any written format of the number matches. */
  readonly phones: readonly string[];
  /** Addresses; matched case-insensitively. */
  readonly emails: readonly string[];
  /** Names as the records hold them; names shorter than two characters are ignored (too common). */
  readonly names: readonly string[];
};

/** What a redacted value is replaced with. */
export const REDACTED_MARK = '[삭제됨]';

/**
 * Removes one data subject's phone numbers (in any written format), e-mail addresses and names (as
 * `maskKnownNames` finds them: any spacing, the given name before an honorific) from free text — a
 * data-subject delete erasing them from an access-log reason — and leaves the rest, including other
 * people's numbers, as written. Returns the text unchanged (in NFC) when it holds none.
 */
export function redactSubjectFromText(text: string, subject: SubjectValues): string {
  const phones = new Set(subject.phones);
  const emails = new Set(subject.emails.map((email) => email.normalize('NFKC').trim().toLowerCase()));
  let result = text.replace(personalDataPattern(), (match: string, email: string | undefined) => {
    if (email !== undefined)
      return emails.has(email.normalize('NFKC').trim().toLowerCase()) ? REDACTED_MARK : match;
    const phone = normalizeKoreanPhone(match);
    if (!phone.ok || !phones.has(phone.digits)) return match;
    // The phone pattern may take a bracket or space around the number: keep them.
    const before = /^[^\d+\uFF10-\uFF19]*/.exec(match)?.[0] ?? '';
    const after = /[^\d\uFF10-\uFF19]*$/.exec(match)?.[0] ?? '';
    return `${before}${REDACTED_MARK}${after}`;
  });
  result = result.normalize('NFC');
  // Names as `maskKnownNames` finds them (any spacing or case, the given name before an honorific),
  // again while a removal joined text into a new match ('김민수민수 님' → '[삭제됨]민수 님'); bounded
  // by the text's length, since the mark itself could spell a name made of its letters.
  for (let round = 0; round <= result.length; round++) {
    const next = replaceKnownNames(result, subject.names, () => REDACTED_MARK);
    if (next === result) break;
    result = next;
  }
  return result;
}
