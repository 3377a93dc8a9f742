import { useEffect, useRef, useState } from 'react';
import { type CallPop, callPopSchema } from '../../contract/cti/callPopSchema.ts';
import { recentlyAnsweredCallListSchema } from '../../contract/cti/recentlyAnsweredCallListSchema.ts';
import { callAnsweredEventSchema } from '../../contract/events/callAnsweredEventSchema.ts';
import { ApiError } from '../api/ApiError.ts';
import { liveEventSource } from '../api/liveEventSource.ts';
import { requestJson } from '../api/requestJson.ts';

/** The screen pop of a call: fetched by its id once the live event names it (events carry ids only). */
export function fetchCallPop(callId: string, signal?: AbortSignal): Promise<CallPop> {
  return requestJson({
    path: `/api/v1/cti/calls/${encodeURIComponent(callId)}`,
    schema: callPopSchema,
    signal,
  });
}

/** The calls answered at this agent's extension in the last minute, still open, newest first. */
export function fetchRecentlyAnsweredCalls(signal?: AbortSignal) {
  return requestJson({
    path: '/api/v1/cti/calls/recently-answered',
    schema: recentlyAnsweredCallListSchema,
    signal,
  });
}

/**
 * Screen pops: listens for `call.answered` on the page's event stream (the server sends it to the
 * answering agent's streams only), fetches the pop and hands it to `onPop` once per call — a
 * reconnect's catch-up may repeat the event. An answer made while the stream was not connected
 * (just signed in, reloading) reached no stream: each (re)connection asks for the calls answered
 * in the last minute and pops the newest. Returns the latest pop.
 */
export function useCallPops(onPop: (pop: CallPop) => void): CallPop | null {
  const [latest, setLatest] = useState<CallPop | null>(null);
  const handler = useRef(onPop);
  handler.current = onPop;
  useEffect(() => {
    const source = liveEventSource.acquire();
    const popped = new Set<string>();
    const controller = new AbortController();
    const pop = (callId: string) => {
      if (popped.has(callId)) return;
      popped.add(callId);
      void fetchCallPop(callId, controller.signal)
        .then((details) => {
          setLatest(details);
          handler.current(details);
        })
        .catch(() => popped.delete(callId));
    };
    const listener = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = callAnsweredEventSchema.safeParse(data);
      if (event.success) pop(event.data.callId);
    };
    // A role that takes no calls (a supervisor looking on) is told so once, then not asked again.
    let takesCalls = true;
    const onOpen = () => {
      if (!takesCalls) return;
      void fetchRecentlyAnsweredCalls(controller.signal)
        .then(({ items }) => {
          const [newest, ...older] = items;
          // Older ones wait in 진행 중인 상담: one call is popped, the one answered last.
          for (const call of older) popped.add(call.callId);
          if (newest) pop(newest.callId);
        })
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 403) takesCalls = false;
        });
    };
    source.addEventListener('call.answered', listener);
    source.addEventListener('open', onOpen);
    return () => {
      controller.abort();
      source.removeEventListener('open', onOpen);
      source.removeEventListener('call.answered', listener);
      liveEventSource.release(source);
    };
  }, []);
  return latest;
}
