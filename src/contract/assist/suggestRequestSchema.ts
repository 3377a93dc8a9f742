import { z } from 'zod';

/** Longest caller text accepted: a few sentences; longer input is a paste error, not speech. */
export const MAX_SUGGEST_TEXT_LENGTH = 500;

/**
 * Body of `POST /api/v1/assist/suggest`: `{ "text": string }`, trimmed, non-empty, at most
 * 500 characters after trimming. Anything else is a 400.
 */
export const suggestRequestSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, { error: 'text must not be empty' })
    .max(MAX_SUGGEST_TEXT_LENGTH, { error: `text must be at most ${MAX_SUGGEST_TEXT_LENGTH} characters` }),
});

/** A validated suggestion request. */
export type SuggestRequest = z.infer<typeof suggestRequestSchema>;
