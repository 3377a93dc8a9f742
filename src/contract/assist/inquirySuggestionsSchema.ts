import { z } from 'zod';

/** Answer of `POST /api/v1/assist/suggest`: the likely inquiry types, best first. */
export const inquirySuggestionsSchema = z.object({
  suggestions: z.array(
    z.object({
      inquiryType: z.number().int().min(1).max(9),
      scriptId: z.string(),
      label: z.string(),
      score: z.number(),
    }),
  ),
});

/** One suggested inquiry type. */
export type InquirySuggestion = z.output<typeof inquirySuggestionsSchema>['suggestions'][number];
