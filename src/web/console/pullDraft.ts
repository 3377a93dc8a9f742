import type { QueryClient } from '@tanstack/react-query';
import { consoleApi } from './consoleApi.ts';
import type { ConsoleStore } from './consoleStore.ts';

/** The same call as the server holds it now, taken over what this tab shows. */
export async function pullDraft(
  store: ConsoleStore,
  queryClient: QueryClient,
  consultationId: string,
  force: boolean,
): Promise<void> {
  const current = store.getState().phase;
  if (current.kind === 'start' || current.call.consultationId !== consultationId) return;
  const saved = await consoleApi.draft(consultationId);
  // The other tab may have picked a type of another guide than this call's so far; on the same
  // guide the call stays on the version this tab runs it on (the one it started on).
  const guideId = saved.draft?.guideId ?? current.call.guideId;
  const running = current.kind === 'pick' ? undefined : current.progress.guide;
  const guide =
    running?.id === guideId ? running : await queryClient.fetchQuery(consoleApi.guideQuery(guideId));
  store.dispatch({
    type: 'remoteDraft',
    consultationId,
    guide,
    draft: saved.draft,
    revision: saved.revision,
    force,
  });
}
