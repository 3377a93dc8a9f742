import { translateNow } from '../i18n/translateNow.ts';
import { consoleApi } from './consoleApi.ts';
import type { ConsoleStore } from './consoleStore.ts';

/**
 * Ends this tab's view of a call that was saved or abandoned elsewhere (another tab, another PC):
 * back to the start panel with what happened. `refusedHere` says this tab's own save was just
 * refused for it. When that is so, or this tab holds typing its draft never carried out, what is
 * on this screen may not be in the saved record, and the agent is told to check it rather than
 * shown a plain "saved": a correction typed in one tab as the other saved went out uncorrected.
 */
export async function closeIfEnded(
  store: ConsoleStore,
  consultationId: string,
  refusedHere = false,
): Promise<void> {
  const consultation = await consoleApi.consultation(consultationId);
  if (consultation.status === 'open') return;
  const current = store.getState();
  const typedHere = current.draftRevision > current.savedDraftRevision;
  const completed = consultation.status === 'completed';
  store.dispatch({
    type: 'closedElsewhere',
    consultationId,
    saved: completed
      ? { title: consultation.record?.title ?? '', outcome: translateNow('console.draft.savedElsewhere') }
      : null,
    message: !completed
      ? translateNow('console.draft.abandoned')
      : refusedHere || typedHere
        ? translateNow('console.draft.savedElsewhereNotThis')
        : null,
  });
}
