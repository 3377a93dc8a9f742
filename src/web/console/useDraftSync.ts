import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { consultationDraftSavedEventSchema } from '../../contract/events/consultationDraftSavedEventSchema.ts';
import { ApiError } from '../api/ApiError.ts';
import { liveEventSource } from '../api/liveEventSource.ts';
import { refreshLiveQuery } from '../api/refreshLiveQuery.ts';
import { closeIfEnded } from './closeIfEnded.ts';
import { consoleApi } from './consoleApi.ts';
import { toConsoleDraft } from './consoleDraft.ts';
import type { ConsoleState } from './consoleState.ts';
import type { ConsoleStore } from './consoleStore.ts';
import { pullDraft } from './pullDraft.ts';

// Typing comes in bursts: a short pause saves, so a reload loses at most the last few keys.
const DRAFT_SAVE_DELAY_MS = 400;
// A save that failed on the network is tried again; the warning before leaving stays meanwhile.
const DRAFT_RETRY_MS = 3_000;
// No event says a call was saved or abandoned elsewhere; while shown, its status is checked this often.
const CLOSED_CHECK_MS = 5_000;

/** How the draft of the call on screen stands, for the indicator next to it. */
export type DraftStatus =
  | { state: 'none' }
  | { state: 'opening' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; message: string };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The consultation an event is about (events carry ids only). */
function consultationIdOf(text: string): string | null {
  const data = parseJson(text);
  if (typeof data !== 'object' || data === null || !('consultationId' in data)) return null;
  return typeof data.consultationId === 'string' ? data.consultationId : null;
}

const isStale = (error: unknown): boolean =>
  error instanceof ApiError &&
  error.status === 409 &&
  error.errors.some((detail) => detail.where === '/revision');

/**
 * Keeps the call on screen saved as a draft (PUT …/draft, debounced, each write with a higher
 * revision) and in step with the agent's other tabs: a `consultation.draft-saved` event for this
 * call pulls the newer draft; a save refused as stale takes the server's; a call saved or
 * abandoned elsewhere returns this tab to the start panel. Leaving the page warns only while the
 * latest typing is not saved yet. `finishing` pauses the status check and the draft saves while
 * this tab saves the call.
 */
export function useDraftSync(store: ConsoleStore, state: ConsoleState, finishing: boolean): DraftStatus {
  const queryClient = useQueryClient();
  const { phase } = state;
  const consultationId = phase.kind === 'start' ? null : phase.call.consultationId;
  const unsaved = state.draftRevision > state.savedDraftRevision;
  const inFlight = useRef(false);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const finishingRef = useRef(finishing);
  finishingRef.current = finishing;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision or a new attempt is the trigger; the draft itself is read fresh from the store.
  useEffect(() => {
    // While this tab finishes, its body carries the typing: a save now could be stored first and
    // make the finish look older than the draft.
    if (!consultationId || !unsaved || inFlight.current || finishing) return;
    const timer = window.setTimeout(async () => {
      const current = store.getState();
      const draft = toConsoleDraft(current);
      if (!draft || current.phase.kind === 'start' || current.phase.call.consultationId !== consultationId)
        return;
      const revision = current.draftRevision;
      inFlight.current = true;
      store.dispatch({ type: 'draftSaving', consultationId, revision });
      let retryLater = false;
      try {
        await consoleApi.saveDraft(consultationId, { revision, draft });
        setFailure(null);
        store.dispatch({ type: 'draftSaved', consultationId, revision });
      } catch (error) {
        store.dispatch({ type: 'draftSaveEnded', consultationId });
        if (isStale(error)) {
          await pullDraft(store, queryClient, consultationId, true).catch(() => undefined);
        } else if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
          await closeIfEnded(store, consultationId).catch(() => undefined);
        } else {
          setFailure(error instanceof Error ? error.message : String(error));
          retryLater = true;
        }
      } finally {
        inFlight.current = false;
        // Typing that came in while the request was out goes next; a failure waits a little.
        if (retryLater) window.setTimeout(() => setAttempt((count) => count + 1), DRAFT_RETRY_MS);
        else setAttempt((count) => count + 1);
      }
    }, DRAFT_SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [store, queryClient, consultationId, state.draftRevision, attempt, finishing]);

  useEffect(() => {
    const source = liveEventSource.acquire();
    const onDraftSaved = (message: MessageEvent<string>) => {
      const event = consultationDraftSavedEventSchema.safeParse(parseJson(message.data));
      if (!event.success) return;
      const current = store.getState();
      // A call started or moved on in another tab: the start panel's 진행 중인 상담 list follows.
      if (current.phase.kind === 'start') {
        void refreshLiveQuery(queryClient, consoleApi.openConsultationsKey);
        return;
      }
      if (current.phase.call.consultationId !== event.data.consultationId) return;
      if (event.data.revision <= current.savedDraftRevision) return;
      void pullDraft(store, queryClient, event.data.consultationId, false).catch(() => undefined);
    };
    // Abandoned for idleness (no draft saved for long): the call cannot be saved any more.
    const onAbandoned = (message: MessageEvent<string>) => {
      const id = consultationIdOf(message.data);
      const current = store.getState();
      if (!id || current.phase.kind === 'start' || current.phase.call.consultationId !== id) return;
      void closeIfEnded(store, id).catch(() => undefined);
    };
    // A call started in another tab before this page's stream was up sent its event to no one.
    const onOpen = () => {
      if (store.getState().phase.kind === 'start')
        void refreshLiveQuery(queryClient, consoleApi.openConsultationsKey);
    };
    source.addEventListener('consultation.draft-saved', onDraftSaved);
    source.addEventListener('consultation.abandoned', onAbandoned);
    source.addEventListener('open', onOpen);
    return () => {
      source.removeEventListener('open', onOpen);
      source.removeEventListener('consultation.draft-saved', onDraftSaved);
      source.removeEventListener('consultation.abandoned', onAbandoned);
      liveEventSource.release(source);
    };
  }, [store, queryClient]);

  useEffect(() => {
    if (!consultationId) return;
    const check = () => {
      if (document.visibilityState === 'hidden' || finishingRef.current) return;
      void closeIfEnded(store, consultationId).catch(() => undefined);
    };
    const timer = window.setInterval(check, CLOSED_CHECK_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [store, consultationId]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const current = store.getState();
      if (current.phase.kind !== 'start' && current.draftRevision > current.savedDraftRevision) {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);

  if (phase.kind === 'start') return { state: 'none' };
  if (!consultationId) return { state: 'opening' };
  if (failure && unsaved) return { state: 'failed', message: failure };
  return unsaved ? { state: 'saving' } : { state: 'saved' };
}
