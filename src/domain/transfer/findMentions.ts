/** Someone who can be mentioned in a comment. */
export type MentionCandidate = { id: string; name: string; email: string };

/**
 * The people a comment mentions with '@': '@홍길동', '@backoffice 3' (names may contain spaces) or
 * '@hong' (the local part of their email). At each '@' the longest matching name wins, so '@김민수'
 * mentions 김민수 and not 김민 when both exist. Matching ignores case and Unicode composition.
 * Returns ids in order of first mention, without duplicates.
 */
export function findMentions(text: string, candidates: readonly MentionCandidate[]): string[] {
  const body = text.normalize('NFC').toLowerCase();
  const keys = candidates
    .flatMap((candidate) => {
      const local = candidate.email.split('@')[0] ?? '';
      return [
        { id: candidate.id, key: candidate.name.normalize('NFC').trim().toLowerCase() },
        { id: candidate.id, key: local.toLowerCase() },
      ];
    })
    .filter((entry) => entry.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const found: string[] = [];
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    // An '@' inside a word is an email address being written out, not a mention.
    const before = at > 0 ? body[at - 1] : ' ';
    if (before !== undefined && /[\p{L}\p{N}._-]/u.test(before)) continue;
    const rest = body.slice(at + 1);
    const match = keys.find((entry) => rest.startsWith(entry.key) && endsWord(rest, entry.key.length));
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}

// '@hong' must not match the start of '@hongildong'; Korean particles ('@홍길동님', '@홍길동에게') still count.
function endsWord(rest: string, length: number): boolean {
  const next = rest[length];
  return next === undefined || !/[a-z0-9._-]/.test(next);
}
