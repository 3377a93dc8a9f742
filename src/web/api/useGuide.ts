import { useQuery } from '@tanstack/react-query';
import { guideSchema } from '../../domain/guide/guideSchema.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/**
 * The guide the console runs, fetched from the API (admins change guides without a release, so
 * it is never bundled). Parsed with the domain schema so the flow engine gets a typed guide.
 */
export function useGuide(id: string) {
  return useQuery({
    queryKey: queryKeys.guide(id),
    queryFn: ({ signal }) =>
      requestJson({ path: `/api/v1/guides/${encodeURIComponent(id)}`, schema: guideSchema, signal }),
    staleTime: 5 * 60_000,
  });
}
