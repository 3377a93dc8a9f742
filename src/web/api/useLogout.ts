import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { csrfTokenStore } from './csrfTokenStore.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/**
 * Signs out. Whatever the server answers, the browser forgets the session and every cached
 * answer (they may hold personal data), so the next person at the desk starts from the login.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson({ method: 'POST', path: '/api/v1/auth/logout', schema: z.unknown() }),
    onSettled: () => {
      csrfTokenStore.set(null);
      queryClient.setQueryData(queryKeys.session, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
    },
  });
}
