import { useQuery } from '@tanstack/react-query';
import { consultationListSchema } from '../../contract/consultations/consultationListSchema.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/** The signed-in agent's last 20 consultations, newest first. */
export function useRecentConsultations() {
  return useQuery({
    queryKey: queryKeys.recentConsultations,
    queryFn: ({ signal }) =>
      requestJson({
        path: '/api/v1/consultations?scope=mine&limit=20',
        schema: consultationListSchema,
        signal,
      }),
    select: (data) => data.items,
  });
}
