import { predictProbabilities, type SuggestionModel, vectorize } from './trainSuggestionModel.ts';

/** One suggested inquiry type. */
export type InquiryTypeSuggestion = {
  /** The number of one of the guide's inquiry types. */
  inquiryType: number;
  /** Probability in [0, 1]; the scores of all types sum to 1. */
  score: number;
};

/** Options of a suggestion. */
export type SuggestOptions = {
  /**
   * How many types to return, best first (default 3). Never fewer than 3: the console always
   * offers three choices, so a caller cannot accidentally hide the runner-up types.
   */
  limit?: number;
};

/**
 * Suggests the most likely inquiry types for what a caller said, best first. Pure and fast
 * (a few microseconds): safe to call on every keystroke. Text with no known feature (empty,
 * emoji only) gets the model's prior, still with three types.
 */
export function suggestInquiryTypes(
  model: SuggestionModel,
  text: string,
  options: SuggestOptions = {},
): InquiryTypeSuggestion[] {
  const limit = Math.min(model.inquiryTypes.length, Math.max(3, Math.floor(options.limit ?? 3)));
  const probabilities = predictProbabilities(model, vectorize(model, text));
  return model.inquiryTypes
    .map((inquiryType, k) => ({ inquiryType, score: probabilities[k] ?? 0 }))
    .sort((a, b) => b.score - a.score || a.inquiryType - b.inquiryType)
    .slice(0, limit);
}
