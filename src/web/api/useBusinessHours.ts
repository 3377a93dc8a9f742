import { queryOptions, useQuery } from '@tanstack/react-query';
import { businessHoursSchema } from '../../contract/business-hours/businessHoursSchema.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/** How often the live business-hours state is refreshed; 18:00 must not go unnoticed for long. */
const pollMs = 30_000;

/** The polled query of one guide's support-line hours (no id: the default guide's). */
export const businessHoursQuery = (guideId?: string) =>
  queryOptions({
    queryKey: queryKeys.businessHoursOf(guideId),
    queryFn: ({ signal }) =>
      requestJson({
        path:
          guideId === undefined
            ? '/api/v1/business-hours'
            : `/api/v1/business-hours?guideId=${encodeURIComponent(guideId)}`,
        schema: businessHoursSchema,
        signal,
      }),
    refetchInterval: pollMs,
    refetchOnWindowFocus: true,
  });

/** The live business-hours state of a guide's support line (default: the default guide's), polled. */
export function useBusinessHours(guideId?: string) {
  return useQuery(businessHoursQuery(guideId));
}
