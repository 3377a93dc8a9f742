import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../contract/auth/sessionSchema.ts';
import { type Preferences, preferencesSchema } from '../../contract/users/preferencesSchema.ts';
import { localeStore } from '../i18n/localeStore.ts';
import { queryKeys } from './queryKeys.ts';
import { requestJson } from './requestJson.ts';

/**
 * Remembers the signed-in user's preferences on the server (`PUT /api/v1/me/preferences`), so the
 * next sign-in, on any PC, starts in their language. A refused save puts the language back to the
 * one the server holds, so the screen never shows a choice that was not kept.
 */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Preferences) =>
      requestJson({
        method: 'PUT',
        path: '/api/v1/me/preferences',
        bodySchema: preferencesSchema,
        body: preferences,
        schema: preferencesSchema,
      }),
    onSuccess: (preferences) => {
      queryClient.setQueryData<Session | null>(queryKeys.session, (session) =>
        session ? { ...session, preferences } : session,
      );
    },
    onError: () => {
      const kept = queryClient.getQueryData<Session | null>(queryKeys.session)?.preferences.locale;
      if (kept) localeStore.set(kept);
    },
  });
}
