/**
 * Masks an email address with the one rule used everywhere: keep the first two characters of the
 * local part (one when it has only one or two), then a fixed '***' that hides its length, then the
 * domain unchanged. 'abcdef@example.com' → 'ab***@example.com', 'ab@example.com' → 'a***@example.com'.
 * Input without '@' is masked as if it were all local part, so a malformed address never leaks.
 * Kept characters stop at the first '*', which makes the rule idempotent: a masked address masks to itself.
 */
export function maskEmail(email: string): string {
  const text = email.normalize('NFC').trim();
  const at = text.lastIndexOf('@');
  const local = Array.from(at === -1 ? text : text.slice(0, at));
  const domain = at === -1 ? '' : text.slice(at);
  const keep = local.length <= 2 ? 1 : 2;
  const firstStar = local.indexOf('*');
  const kept = local.slice(0, Math.min(keep, firstStar === -1 ? local.length : firstStar));
  return `${kept.join('')}***${domain}`;
}
