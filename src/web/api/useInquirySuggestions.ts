import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { inquirySuggestionsSchema } from '../../contract/assist/inquirySuggestionsSchema.ts';
import { suggestInquiryRequestSchema } from '../../contract/assist/suggestInquiryRequestSchema.ts';
import { MAX_SUGGEST_TEXT_LENGTH } from '../../contract/assist/suggestRequestSchema.ts';
import { requestJson } from './requestJson.ts';

/**
 * The most likely inquiry types for what the caller said (already debounced by the caller). A
 * POST because the text can be long, but it changes nothing, so it is cached like a query.
 */
export function useInquirySuggestions(text: string) {
  // The server refuses over-long text; suggesting from its beginning is more useful than an error.
  const trimmed = text.trim().slice(0, MAX_SUGGEST_TEXT_LENGTH);
  return useQuery({
    queryKey: ['assist', 'suggest', trimmed] as const,
    queryFn: ({ signal }) =>
      requestJson({
        method: 'POST',
        path: '/api/v1/assist/suggest',
        bodySchema: suggestInquiryRequestSchema,
        body: { text: trimmed },
        schema: inquirySuggestionsSchema,
        signal,
      }),
    enabled: trimmed.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    select: (data) => data.suggestions,
  });
}
