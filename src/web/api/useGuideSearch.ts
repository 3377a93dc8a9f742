import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { requestJson } from './requestJson.ts';
import { searchHitSchema } from './searchHitSchema.ts';

const searchResponseSchema = z.object({ query: z.string(), results: z.array(searchHitSchema) });

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
        schema: searchResponseSchema,
        signal,
      }),
    enabled: q.length > 0,
    // Guides change with a release of content, not within a call.
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    select: (data) => data.results,
  });
}
