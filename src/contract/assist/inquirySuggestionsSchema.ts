import { z } from 'zod';

/** Answer of `POST /api/v1/assist/suggest`: the likely inquiry types, best first, each with its guide. */
export const inquirySuggestionsSchema = z.object({
  suggestions: z.array(
    z.object({
      guideId: z.string(),
      inquiryType: z.number().int().min(1).describe("One of the guide's type numbers"),
      scriptId: z.string(),
      label: z.string(),
      score: z.number(),
    }),
  ),
});

/** One suggested inquiry type. */
export type InquirySuggestion = z.output<typeof inquirySuggestionsSchema>['suggestions'][number];
