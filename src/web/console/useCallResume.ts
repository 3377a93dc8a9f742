import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError.ts';
import { translateNow } from '../i18n/translateNow.ts';
import { navigate } from '../lib/useLocation.ts';
import { consoleApi } from './consoleApi.ts';
import type { ConsoleState } from './consoleState.ts';
import type { ConsoleStore } from './consoleStore.ts';

/** The query parameter that names the call a tab shows, so a reload or Back-then-Forward resumes it. */
export const callParam = 'consultation';

/** The address of a call in the console. */
export const callAddress = (consultationId: string): string =>
  `/?${callParam}=${encodeURIComponent(consultationId)}`;

/**
 * Ties the call on screen to the address: a started call gets its own history entry
 * (`/?consultation=<id>`), so Back leaves the call on screen instead of leaving the console, and a
 * reload, or Forward after leaving, reopens it from its saved draft ("이어서 진행"). An address
 * naming a call that is no longer open just clears. Says whether a call is loading, and why a resume failed.
 */
export function useCallResume(
  store: ConsoleStore,
  state: ConsoleState,
  requestedId: string | null,
): { resuming: boolean; problem: string | null; open: (consultationId: string) => void } {
  const queryClient = useQueryClient();
  const { phase } = state;
  const activeId = phase.kind === 'start' ? null : phase.call.consultationId;
  const [problem, setProblem] = useState<string | null>(null);
  // A call this tab has finished or closed is never reopened from a stale address.
  const ended = useRef(new Set<string>());
  const shown = useRef<string | null>(null);

  useEffect(() => {
    if (activeId) {
      shown.current = activeId;
      return;
    }
    if (shown.current) ended.current.add(shown.current);
    shown.current = null;
  }, [activeId]);

  // The address follows the call: its own entry once it has an id, back to `/` when it ends. Only
  // a new id moves the address: after Back to `/` the call stays on screen and Forward returns.
  const addressed = useRef<string | null>(null);
  useEffect(() => {
    if (activeId && addressed.current !== activeId) {
      addressed.current = activeId;
      if (requestedId !== activeId) navigate(callAddress(activeId), { replace: requestedId !== null });
    } else if (phase.kind === 'start' && requestedId && ended.current.has(requestedId)) {
      navigate('/', { replace: true });
    }
  }, [activeId, requestedId, phase.kind]);

  useEffect(() => {
    if (phase.kind !== 'start' || !requestedId || ended.current.has(requestedId)) return;
    let cancelled = false;
    void (async () => {
      try {
        const open = await queryClient.fetchQuery({
          queryKey: consoleApi.openConsultationsKey,
          queryFn: ({ signal }) => consoleApi.openConsultations(signal),
          staleTime: 0,
        });
        const item = open.items.find((candidate) => candidate.consultation.id === requestedId);
        if (cancelled) return;
        if (!item) {
          ended.current.add(requestedId);
          setProblem(translateNow('console.resume.gone'));
          navigate('/', { replace: true });
          return;
        }
        // The guide of the type picked (the draft's), else the one the call started on — at the
        // version it started on, which it is saved on even if a restart loaded a newer one since.
        const guideId = item.draft.draft?.guideId ?? item.consultation.guideId;
        const current = () => queryClient.fetchQuery(consoleApi.guideQuery(guideId));
        const guide =
          guideId === item.consultation.guideId
            ? await queryClient
                .fetchQuery(consoleApi.guideQuery(guideId, item.consultation.guideVersion))
                // A version no server kept (started before versions were): the typed text is
                // shown on the loaded guide, and saving it says the guide changed.
                .catch((error: unknown) => {
                  if (error instanceof ApiError && error.status === 404) return current();
                  throw error;
                })
            : await current();
        if (cancelled || store.getState().phase.kind !== 'start') return;
        setProblem(null);
        store.dispatch({
          type: 'resume',
          call: {
            callKey: item.consultation.id,
            channel: item.consultation.channel,
            callerNumber: item.consultation.callerNumber ?? '',
            callerContact: item.callerContact,
            consultationId: item.consultation.id,
            guideId,
          },
          guide,
          draft: item.draft.draft,
          revision: item.draft.revision,
        });
      } catch (error) {
        if (cancelled) return;
        // The start panel and the list of calls in progress come back; the agent can retry from there.
        ended.current.add(requestedId);
        setProblem(
          translateNow('console.resume.failed', {
            message: error instanceof Error ? error.message : String(error),
          }),
        );
        navigate('/', { replace: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [store, queryClient, requestedId, phase.kind]);

  // While the named call loads, the start panel must not take keys meant for the call.
  const resuming = phase.kind === 'start' && requestedId !== null && !ended.current.has(requestedId);
  // The agent asked for this call ("이어서 진행"): tried again even if it failed before.
  const open = useCallback((consultationId: string) => {
    ended.current.delete(consultationId);
    navigate(callAddress(consultationId));
  }, []);
  return { resuming, problem, open };
}
