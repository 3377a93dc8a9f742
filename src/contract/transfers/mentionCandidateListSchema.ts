import { z } from 'zod';
import { roleSchema } from '../users/roleSchema.ts';

/**
 * `GET /api/v1/transfers/{id}/mention-candidates`: who a comment on the transfer can mention — the
 * active business team, supervisors and admins, and the agent who filed it — as '@' completion
 * offers them and as the server resolves a comment's mentions.
 */
export const mentionCandidateListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string().describe("'@name' mentions them"),
        handle: z.string().describe("The local part of their e-mail: '@handle' mentions them too"),
        role: roleSchema,
      }),
    ),
  })
  .meta({ id: 'MentionCandidateList' });

/** The candidates as clients read them. */
export type MentionCandidateList = z.output<typeof mentionCandidateListSchema>;
/** One person a comment can mention. */
export type MentionCandidateView = MentionCandidateList['items'][number];
