import type { MentionCandidateView } from '../../../contract/transfers/mentionCandidateListSchema.ts';
import { toChoseong } from '../../../domain/search/toChoseong.ts';
import { toJamo } from '../../../domain/search/toJamo.ts';

/** The '@word' being typed at the caret and the people it may be completed to, best first. */
export type MentionCompletion = {
  /** Where the '@' is. */
  start: number;
  /** Where the typed word ends (the caret, or further when the caret is inside the word). */
  end: number;
  /** What was typed after the '@' up to the caret. */
  query: string;
  options: MentionCandidateView[];
};

// What a typed mention is made of (names, e-mail local parts) and what makes an '@' part of an
// e-mail address rather than a mention: the rule resolveMentions applies on the server.
const WORD_CHARACTER = /[\p{L}\p{N}._-]/u;
const WORD_REST = /^[\p{L}\p{N}._-]*/u;
const CONSONANTS_ONLY = /^[ㄱ-ㅎ]+$/u;

const fold = (text: string) => text.normalize('NFC').toLowerCase();

/**
 * How well a person matches what was typed, or null: the name as typed so far (by jamo, so a
 * half-composed syllable — 입 on the way to 이비즈 — still matches), then the handle, then the
 * name's 초성 (ㅇㅂㅈ), then the name anywhere.
 */
function rank(candidate: MentionCandidateView, query: string): number | null {
  if (query === '') return 0;
  const name = fold(candidate.name);
  if (toJamo(name).startsWith(toJamo(query))) return 0;
  if (fold(candidate.handle).startsWith(query)) return 1;
  if (CONSONANTS_ONLY.test(query) && toChoseong(name).startsWith(query)) return 2;
  if (name.includes(query)) return 3;
  return null;
}

/**
 * The mention being typed at `caret` in a comment — an '@' not inside a word (an e-mail address),
 * followed by no space up to the caret — and the people it may complete to (at most `limit`), or
 * null when the caret is not in one or nobody matches: the completion list is then closed and
 * Enter breaks the line as usual.
 */
export function readMentionCompletion(
  text: string,
  caret: number,
  candidates: readonly MentionCandidateView[],
  limit = 8,
): MentionCompletion | null {
  const start = text.lastIndexOf('@', caret - 1);
  if (start < 0) return null;
  const typed = text.slice(start + 1, caret);
  if (/[\s@]/u.test(typed)) return null;
  if (start > 0 && WORD_CHARACTER.test(text.charAt(start - 1))) return null;
  const query = fold(typed);
  const options = candidates
    .map((candidate) => ({ candidate, score: rank(candidate, query) }))
    .filter((entry): entry is { candidate: MentionCandidateView; score: number } => entry.score !== null)
    .sort((a, b) => a.score - b.score || a.candidate.name.localeCompare(b.candidate.name, 'ko'))
    .slice(0, limit)
    .map((entry) => entry.candidate);
  if (options.length === 0) return null;
  const end = caret + (WORD_REST.exec(text.slice(caret))?.[0].length ?? 0);
  return { start, end, query: typed, options };
}
