import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveEventSource } from './liveEventSource.ts';
import { refreshLiveQuery } from './refreshLiveQuery.ts';

/**
 * Keeps the queries under `queryKey` current over the page's event stream: they are read again on
 * each event of `eventTypes` and on each (re)connection of the stream, since a change made after
 * they were read but before the stream was up sent its event to no one. `queryKey` and
 * `eventTypes` are constants of the caller (a new array each render would reconnect each render).
 */
export function useLiveRefresh(queryKey: QueryKey, eventTypes: readonly string[], enabled = true): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const source = liveEventSource.acquire();
    const refresh = () => void refreshLiveQuery(queryClient, queryKey);
    for (const type of [...eventTypes, 'open']) source.addEventListener(type, refresh);
    return () => {
      for (const type of [...eventTypes, 'open']) source.removeEventListener(type, refresh);
      liveEventSource.release(source);
    };
  }, [enabled, queryClient, queryKey, eventTypes]);
}
