import { useEffect, useRef, useState } from 'react';
import { type CallPop, callPopSchema } from '../../contract/cti/callPopSchema.ts';
import { callAnsweredEventSchema } from '../../contract/events/callAnsweredEventSchema.ts';
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

/**
 * Screen pops: listens for `call.answered` on the page's event stream (the server sends it to the
 * answering agent's streams only), fetches the pop and hands it to `onPop` once per call — a
 * reconnect's catch-up may repeat the event. Returns the latest pop.
 */
export function useCallPops(onPop: (pop: CallPop) => void): CallPop | null {
  const [latest, setLatest] = useState<CallPop | null>(null);
  const handler = useRef(onPop);
  handler.current = onPop;
  useEffect(() => {
    const source = liveEventSource.acquire();
    const popped = new Set<string>();
    const controller = new AbortController();
    const listener = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = callAnsweredEventSchema.safeParse(data);
      if (!event.success || popped.has(event.data.callId)) return;
      popped.add(event.data.callId);
      void fetchCallPop(event.data.callId, controller.signal)
        .then((pop) => {
          setLatest(pop);
          handler.current(pop);
        })
        .catch(() => popped.delete(event.data.callId));
    };
    source.addEventListener('call.answered', listener);
    return () => {
      controller.abort();
      source.removeEventListener('call.answered', listener);
      liveEventSource.release(source);
    };
  }, []);
  return latest;
}
