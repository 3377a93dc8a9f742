import { useQueries, useQuery } from '@tanstack/react-query';
import { guideListSchema } from '../../contract/guides/guideListSchema.ts';
import { type Guide, guideSchema } from '../../domain/guide/guideSchema.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/** Every loaded guide, fetched as a whole, and the default one. */
export type GuideCatalogQuery = {
  /** In the server's order (by id); undefined until every guide has loaded. */
  guides: Guide[] | undefined;
  /** The guide a start uses before a type is picked (the server's default guide). */
  defaultGuide: Guide | undefined;
  isPending: boolean;
  error: Error | null;
};

/**
 * The guides the server loaded (IEUM_GUIDES_DIR may hold several), each parsed with the domain
 * schema so the flow engine gets typed guides. The console's picker, search and suggestions span
 * them; screens show the guide beside a type only when there is more than one.
 */
export function useGuides(): GuideCatalogQuery {
  const list = useQuery({
    queryKey: queryKeys.guides,
    queryFn: ({ signal }) => requestJson({ path: '/api/v1/guides', schema: guideListSchema, signal }),
    staleTime: 5 * 60_000,
  });
  const items = list.data?.items ?? [];
  const documents = useQueries({
    queries: items.map((item) => ({
      queryKey: queryKeys.guide(item.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        requestJson({ path: `/api/v1/guides/${encodeURIComponent(item.id)}`, schema: guideSchema, signal }),
      staleTime: 5 * 60_000,
    })),
    combine: combineGuides,
  });
  const guides = list.data && documents.guides.length === items.length ? documents.guides : undefined;
  const defaultId = items.find((item) => item.isDefault)?.id;
  return {
    guides,
    defaultGuide: guides?.find((guide) => guide.id === defaultId) ?? guides?.[0],
    isPending: list.isPending || documents.isPending,
    error: list.error ?? documents.error,
  };
}

// Stable (module level), so TanStack Query memoises the combined result: the same array until a
// guide changes, which keeps the console's memos and callbacks from re-running every render.
function combineGuides(results: Array<{ data: Guide | undefined; isPending: boolean; error: Error | null }>) {
  return {
    guides: results.flatMap((result) => (result.data ? [result.data] : [])),
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error ?? null,
  };
}
