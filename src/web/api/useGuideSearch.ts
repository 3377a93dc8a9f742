import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchResultsSchema } from '../../contract/assist/searchResultsSchema.ts';
import { requestJson } from './requestJson.ts';

/**
 * Guide search results for what the agent has typed (already debounced by the caller). The
 * previous results stay on screen while the next ones load, so the list does not flicker per key.
 */
export function useGuideSearch(query: string, limit = 8) {
  const q = query.trim();
  return useQuery({
    queryKey: ['assist', 'search', q, limit] as const,
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`,
        schema: searchResultsSchema,
        signal,
      }),
    enabled: q.length > 0,
    // Guides change with a release of content, not within a call.
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    select: (data) => data.results,
  });
}
