import { useQuery } from '@tanstack/react-query';
import { type Session, sessionSchema } from '../../contract/auth/sessionSchema.ts';
import { localeStore } from '../i18n/localeStore.ts';
import { ApiError } from './ApiError.ts';
import { csrfTokenStore } from './csrfTokenStore.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/** Fetches the current session; `null` means signed out (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await requestJson({
      path: '/api/v1/auth/session',
      schema: sessionSchema,
      expectUnauthorized: true,
    });
    csrfTokenStore.set(session.csrfToken);
    // Before the session is cached, so the first screen already renders in the user's language.
    localeStore.set(session.preferences.locale);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      csrfTokenStore.set(null);
      localeStore.reset();
      return null;
    }
    throw error;
  }
}

/** The signed-in user, `null` when signed out. Login, logout and 401s update it directly. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
