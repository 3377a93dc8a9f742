import { maskName } from './maskName.ts';
import { type KnownNameMatch, replaceKnownNames } from './replaceKnownNames.ts';

/**
 * Masks one span naming a known person with the one name rule: each letter becomes what `maskName`
 * makes of the same position of the whole name, so '김 민수' → '김 *수' and the given name alone
 * '민수' → '*수' — never more of the name than '김*수' shows, however the copies are combined.
 * Letters kept keep their case as typed; spaces inside the span stay.
 */
function maskSpan(match: KnownNameMatch): string {
  const masked = Array.from(maskName(match.letters.join('')));
  let position = match.offset;
  return Array.from(match.text)
    .map((char) => {
      if (/^[\s\u200B-\u200D\u2060\uFEFF]$/u.test(char)) return char;
      const kept = masked[position] !== '*';
      position += 1;
      return kept ? char : '*';
    })
    .join('');
}

/**
 * Masks the names a record is known to hold (its contact's name, its 담당자) wherever free text
 * writes them — with any spacing, in any case, with particles and honorifics after them, and the
 * given name alone before an honorific or title (see `replaceKnownNames`) — with the one name rule
 * (`maskName`). Names cannot be recognised in free text the way phone numbers can, so the fields
 * that hold them say what to look for. Text is compared and returned in NFC. Idempotent: a masked
 * span holds '*' where the name has a letter, so it is not found again.
 */
export function maskKnownNames(text: string, names: readonly string[]): string {
  let result = text.normalize('NFC');
  // Again until nothing changes: a masked name next to text can spell the name again
  // ('다나다나다' → '다*다나다'). Each round turns at least one letter into '*', so it ends.
  for (;;) {
    const next = replaceKnownNames(result, names, maskSpan);
    if (next === result) return result;
    result = next;
  }
}
