import { useQuery } from '@tanstack/react-query';
import { setupStatusSchema } from '../../contract/auth/setupStatusSchema.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/** Whether the first admin still has to be created (first start of a fresh installation). */
export function useSetupStatus() {
  return useQuery({
    queryKey: queryKeys.setup,
    queryFn: ({ signal }) =>
      requestJson({ path: '/api/v1/setup', schema: setupStatusSchema, signal, expectUnauthorized: true }),
    select: (data) => data.needsSetup,
  });
}
