import { resolveMentions } from './resolveMentions.ts';

/** Someone who can be mentioned in a comment, with the e-mail whose local part mentions them too. */
export type MentionCandidate = { id: string; name: string; email: string };

/**
 * The people a comment mentions with '@' (see resolveMentions for the rules: names, names with
 * spaces, e-mail local parts, longest match, particles). Returns ids in order of first mention,
 * without duplicates.
 */
export function findMentions(text: string, candidates: readonly MentionCandidate[]): string[] {
  return resolveMentions(
    text,
    candidates.map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      handle: candidate.email.split('@')[0] ?? '',
    })),
  ).mentionedIds;
}
