import { normalizeKoreanPhone } from './normalizeKoreanPhone.ts';

const ALREADY_MASKED = /^0\d{1,3}-\*{3,4}-\d{4}$/;

/**
 * Masks a phone number with the one rule used everywhere: the middle group becomes '*', in the
 * number's canonical Korean format, whatever format it was typed in.
 * '01012345678' and '+82 10-1234-5678' → '010-****-5678'; '02-123-4567' → '02-***-4567';
 * '0505-123-4567' → '0505-***-4567'.
 *
 * Business numbers — representative 15XX/16XX/18XX (e.g. 1644-7391) and toll-free 080 — are returned
 * formatted but unmasked: they identify a company's line, not a person, and agents must be able to
 * read them out. Input that is not a valid Korean number still never passes through in clear: every
 * digit except the last four is replaced (all digits when there are fewer than eight).
 * A string without digits is returned as it is.
 * Deterministic and idempotent: a masked number masks to itself.
 */
export function maskPhone(input: string): string {
  const text = input.normalize('NFKC').trim();
  if (ALREADY_MASKED.test(text)) return text;
  const phone = normalizeKoreanPhone(text);
  if (phone.ok) {
    if (phone.kind === 'representative' || phone.kind === 'toll-free') return phone.display;
    const [head, middle, tail] = phone.display.split('-');
    if (head !== undefined && middle !== undefined && tail !== undefined) {
      return `${head}-${'*'.repeat(middle.length)}-${tail}`;
    }
  }
  return maskDigitsKeepingLastFour(text);
}

/**
 * '*' counts as an already-masked digit, so masking the output again keeps the same four digits
 * (idempotence) instead of hiding them on the second pass.
 */
function maskDigitsKeepingLastFour(text: string): string {
  const positions = text.replace(/[^\d*]/g, '').length;
  const keep = positions >= 8 ? 4 : 0;
  let seen = 0;
  return text.replace(/[\d*]/g, (char) => {
    seen += 1;
    return seen > positions - keep ? char : '*';
  });
}
