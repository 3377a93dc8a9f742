import type { MentionCandidateView } from '../../../contract/transfers/mentionCandidateListSchema.ts';
import type { MentionCompletion } from './readMentionCompletion.ts';

/**
 * Puts the picked person in place of the '@word' being typed: '@name ' (one space after it, not
 * two when one follows already), and where the caret goes next — after that space, to type on.
 */
export function applyMentionCompletion(
  text: string,
  completion: Pick<MentionCompletion, 'start' | 'end'>,
  picked: Pick<MentionCandidateView, 'name'>,
): { text: string; caret: number } {
  const mention = `@${picked.name} `;
  const after = text.slice(completion.end).replace(/^ /u, '');
  return {
    text: `${text.slice(0, completion.start)}${mention}${after}`,
    caret: completion.start + mention.length,
  };
}
