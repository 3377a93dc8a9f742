import { z } from 'zod';

/**
 * One hit of `GET /api/v1/search`. Display-only fields are lenient about additions (a new match
 * kind shows as a plain label) so that a server change never blanks the palette.
 */
export const searchHitSchema = z.object({
  guideId: z.string(),
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  text: z.string(),
  scriptId: z.string().nullable(),
  inquiryType: z.number().nullable(),
  score: z.number(),
  matched: z.object({
    kind: z.string(),
    snippet: z.string(),
    highlight: z.object({ start: z.number(), end: z.number() }),
  }),
});

/** A search hit as the console reads it. */
export type SearchHit = z.infer<typeof searchHitSchema>;
