/**
 * Masks a person's name with the one rule used everywhere (screens, exports, API, logs), because
 * mixing rules would let someone rebuild the name from two differently masked copies:
 * keep the first character, and the last when there are three or more; every other character becomes
 * '*'. '홍길동' → '홍*동', '홍길' → '홍*', '남궁민수' → '남**수', 'Alex Kim' → 'A******m', '홍' → '*'.
 * Counts Unicode code points after NFC, so decomposed Hangul masks like composed Hangul.
 * Idempotent: a masked name masks to itself (the kept characters are the same).
 */
export function maskName(name: string): string {
  const chars = Array.from(name.normalize('NFC').trim());
  const first = chars[0];
  const last = chars[chars.length - 1];
  if (first === undefined || last === undefined) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${first}*`;
  return `${first}${'*'.repeat(chars.length - 2)}${last}`;
}
