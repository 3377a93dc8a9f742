import { useQuery } from '@tanstack/react-query';
import { businessHoursSchema } from '../../contract/business-hours/businessHoursSchema.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/** How often the live business-hours state is refreshed; 18:00 must not go unnoticed for long. */
const pollMs = 30_000;

/** The live business-hours state, polled; the console also refetches it when a flow starts. */
export function useBusinessHours() {
  return useQuery({
    queryKey: queryKeys.businessHours,
    queryFn: ({ signal }) =>
      requestJson({ path: '/api/v1/business-hours', schema: businessHoursSchema, signal }),
    refetchInterval: pollMs,
    refetchOnWindowFocus: true,
  });
}
