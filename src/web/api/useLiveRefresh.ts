import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveEventSource } from './liveEventSource.ts';
import { refreshLiveQuery } from './refreshLiveQuery.ts';

/**
 * Keeps the queries under `queryKey` current over the page's event stream: they are read again on
 * each event of `eventTypes` (that `concerns` them, when given: it gets the event's data) and on
 * each (re)connection of the stream, since a change made after they were read but before the stream
 * was up sent its event to no one. `queryKey`, `eventTypes` and `concerns` are stable values of the
 * caller (a new one each render would reconnect each render).
 */
export function useLiveRefresh(
  queryKey: QueryKey,
  eventTypes: readonly string[],
  enabled = true,
  concerns?: (data: unknown) => boolean,
): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const source = liveEventSource.acquire();
    const refresh = () => void refreshLiveQuery(queryClient, queryKey);
    const onEvent = (message: MessageEvent<string>) => {
      if (!concerns || concerns(parseEventData(message.data))) refresh();
    };
    for (const type of eventTypes) source.addEventListener(type, onEvent);
    source.addEventListener('open', refresh);
    return () => {
      for (const type of eventTypes) source.removeEventListener(type, onEvent);
      source.removeEventListener('open', refresh);
      liveEventSource.release(source);
    };
  }, [enabled, queryClient, queryKey, eventTypes, concerns]);
}

/** An event's data as sent (JSON); null when it is not JSON. */
function parseEventData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
