/** Someone who can be mentioned in a comment: by name, or by their handle (their e-mail's local part). */
export type MentionCandidate = { id: string; name: string; handle: string };

/** What the '@' mentions of a text come to: the people named, and what was typed after an '@' that names nobody. */
export type ResolvedMentions = {
  /** Ids in order of first mention, without duplicates. */
  mentionedIds: string[];
  /** Each '@word' that matched nobody, as typed (without the '@'), in order, without duplicates. */
  unresolved: string[];
};

// What may precede an '@' that is an e-mail address being written out rather than a mention, and
// what a typed '@word' is made of (a name or an e-mail's local part).
const WORD_CHARACTER = /[\p{L}\p{N}._-]/u;
const TYPED_WORD = /^[\p{L}\p{N}._-]+/u;

/**
 * The '@' mentions of a comment, resolved against the people it may mention: '@홍길동', '@backoffice 3'
 * (names may contain spaces) or '@hong' (their handle, the local part of their e-mail). The server
 * resolves a posted comment with it and the drawer warns with it before posting, so both agree. At each '@' the longest
 * matching name wins, so '@김민수' mentions 김민수 and not 김민 when both exist; matching ignores case
 * and Unicode composition, and a Korean particle may follow ('@홍길동님'). An '@' inside a word is an
 * e-mail address, not a mention. An '@word' that matches nobody is returned as typed, so the writer
 * (and an integration) learns that nobody was told — a bare '@' followed by a space is nothing.
 */
export function resolveMentions(text: string, candidates: readonly MentionCandidate[]): ResolvedMentions {
  const source = text.normalize('NFC');
  const keys = candidates
    .flatMap((candidate) => [
      { id: candidate.id, key: candidate.name.normalize('NFC').trim().toLowerCase() },
      { id: candidate.id, key: candidate.handle.normalize('NFC').toLowerCase() },
    ])
    .filter((entry) => entry.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const mentionedIds: string[] = [];
  const unresolved: string[] = [];
  for (let at = source.indexOf('@'); at !== -1; at = source.indexOf('@', at + 1)) {
    const before = at > 0 ? source.charAt(at - 1) : ' ';
    if (WORD_CHARACTER.test(before)) continue;
    const rest = source.slice(at + 1);
    const match = keys.find(
      (entry) =>
        rest.slice(0, entry.key.length).toLowerCase() === entry.key && endsWord(rest, entry.key.length),
    );
    if (match) {
      if (!mentionedIds.includes(match.id)) mentionedIds.push(match.id);
      continue;
    }
    // A sentence's full stop or a dash after the word is not part of what was typed as a name.
    const typed = (TYPED_WORD.exec(rest)?.[0] ?? '').replace(/[._-]+$/u, '');
    if (typed && !unresolved.some((word) => word.toLowerCase() === typed.toLowerCase()))
      unresolved.push(typed);
  }
  return { mentionedIds, unresolved };
}

// '@hong' must not match the start of '@hongildong'; Korean particles ('@홍길동님', '@홍길동에게') still count.
function endsWord(rest: string, length: number): boolean {
  const next = rest.charAt(length);
  return next === '' || !/[a-z0-9._-]/i.test(next);
}
