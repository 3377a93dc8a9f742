import { z } from 'zod';

/**
 * The example-utterance files kept beside a guide (`<guide>.examples.json` for training,
 * `<guide>.heldout.json` for evaluation only): `{ version: 1, examples: [{ inquiryType, text }] }`.
 */
export const suggestionExamplesSchema = z.object({
  version: z.literal(1),
  examples: z.array(
    z.object({
      inquiryType: z
        .int()
        .min(1)
        .describe("One of the guide's type numbers (checked against the guide at load)"),
      text: z.string().trim().min(1).max(500),
    }),
  ),
});

/** A parsed examples file. */
export type SuggestionExamples = z.infer<typeof suggestionExamplesSchema>;
