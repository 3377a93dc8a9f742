import { z } from 'zod';

/** One hit of a guide search: an inquiry type, script, sentence, message or policy, and where it matched. */
export const searchHitSchema = z
  .object({
    guideId: z.string(),
    id: z.string(),
    kind: z.enum(['inquiry-type', 'script', 'sentence', 'message', 'policy']),
    title: z.string(),
    text: z.string(),
    scriptId: z.string().nullable().describe('The script Enter opens'),
    inquiryType: z.number().int().nullable(),
    score: z.number(),
    matched: z.object({
      kind: z.enum(['exact', 'spacing', 'choseong', 'jamo', 'fuzzy', 'latin']),
      snippet: z.string(),
      highlight: z.object({ start: z.number().int(), end: z.number().int() }),
    }),
  })
  .meta({ id: 'SearchHit' });

/** A search hit as clients read it. */
export type SearchHit = z.output<typeof searchHitSchema>;
