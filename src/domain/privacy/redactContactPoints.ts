import { findContactPoints } from './findContactPoints.ts';
import { REDACTED_MARK, redactSubjectFromText } from './redactSubjectFromText.ts';

// What `maskText` leaves of a number or an address: an address's first characters, '***' and its
// domain; a number's last four digits after stars where the others were (its prefix kept when valid).
const MASKED_EMAIL = String.raw`[A-Za-z0-9._%+-]{0,2}\*{3}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;
const SEP = '[\\s.\\-\\u2010-\\u2015\\u2212\\uFF0D\\uFF0E]';
const MASKED_PHONE = `(?<![0-9\\uFF10-\\uFF19*])[(+\\uFF0B]?[0-9\\uFF10-\\uFF19*]{1,5}\\)?${SEP}?\\*{3,4}${SEP}?[0-9\\uFF10-\\uFF19]{4}(?![0-9\\uFF10-\\uFF19*])`;

/**
 * Removes every personal phone number and e-mail address from free text — written in clear (the
 * spans `findContactPoints` finds, through `redactSubjectFromText`) or already masked by `maskText`
 * (a chat transcript keeps customer text masked, and '010-****-5678' still gives four digits away)
 * — each replaced by REDACTED_MARK. For what a refused consent covered: the record keeps none of
 * it, wherever the customer wrote it. Company lines (15XX/16XX/18XX, 080) stay, as masking leaves
 * them. Names cannot be recognised in free text and stay.
 */
export function redactContactPoints(text: string): string {
  const clear = redactSubjectFromText(text, { ...findContactPoints(text), names: [] });
  return clear.replace(new RegExp(`${MASKED_EMAIL}|${MASKED_PHONE}`, 'g'), REDACTED_MARK);
}
