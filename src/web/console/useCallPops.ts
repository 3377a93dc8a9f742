import { useCallback, useEffect, useRef, useState } from 'react';
import { type CallPop, callPopSchema } from '../../contract/cti/callPopSchema.ts';
import { recentlyAnsweredCallListSchema } from '../../contract/cti/recentlyAnsweredCallListSchema.ts';
import { callAnsweredEventSchema } from '../../contract/events/callAnsweredEventSchema.ts';
import { callEndedEventSchema } from '../../contract/events/callEndedEventSchema.ts';
import { ApiError } from '../api/ApiError.ts';
import { liveEventSource } from '../api/liveEventSource.ts';
import { requestJson } from '../api/requestJson.ts';
import { useLocale } from '../i18n/useLocale.ts';

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
 * A screen pop this page holds; when it came (to tell it from lists read before it); whether it
 * was announced — answered live, or the newest caught up on connecting — rather than an older call
 * caught up only so that its own banner comes back when it is on screen.
 */
export type HeldCallPop = { pop: CallPop; receivedAt: number; announced: boolean };

/** What the console does with the pops: each call's own, and dropping one whose call is saved. */
export type CallPops = {
  /** Every call popped on this page, in the order they came, each once (the latest pop of it). */
  pops: readonly HeldCallPop[];
  /** Drops the pop of a call the agent saved: it is no longer news. */
  forget: (consultationId: string) => void;
};

/**
 * Screen pops: listens for `call.answered` on the page's event stream (the server sends it to the
 * answering agent's streams only), fetches each pop once — a reconnect's catch-up may repeat the
 * event — and keeps every one, by call: a second call answered while the first is open is a pop
 * of its own and never replaces the first's (its caller, its directory suggestion). `onPop` hears
 * of each new call answered (not of the older ones caught up on connecting, nor of `requestedCallId`,
 * the call a tab was opened on, whose pop is kept all the same). An answer made while the stream was not connected (just signed
 * in, reloading) reached no stream: each (re)connection asks for the calls answered in the last
 * minute and announces the newest. A `call.ended` (the hangup) reads that call's pop again, so the
 * console shows it has ended. Pops are worded by the server in the UI's language, so another
 * language reads them again.
 */
export function useCallPops(onPop: (pop: CallPop) => void, requestedCallId: string | null = null): CallPops {
  const [pops, setPops] = useState<readonly HeldCallPop[]>([]);
  // The pops as last rendered, for the event handlers (a hangup reads its call's pop again).
  const held = useRef(pops);
  held.current = pops;
  const handler = useRef(onPop);
  handler.current = onPop;
  // Calls asked for (or being asked for): each is fetched once, however often it is named.
  const asked = useRef(new Set<string>());
  const announced = useRef(new Set<string>());
  const controller = useRef<AbortController | null>(null);

  const keep = useCallback((pop: CallPop) => {
    setPops((held) => {
      const others = held.filter((entry) => entry.pop.callId !== pop.callId);
      const before = held.find((entry) => entry.pop.callId === pop.callId);
      return [
        ...others,
        {
          pop,
          receivedAt: before?.receivedAt ?? Date.now(),
          announced: announced.current.has(pop.callId),
        },
      ];
    });
  }, []);

  const fetchPop = useCallback(
    (callId: string, announce: boolean) => {
      if (announce && !announced.current.has(callId)) {
        announced.current.add(callId);
        setPops((held) =>
          held.map((entry) => (entry.pop.callId === callId ? { ...entry, announced: true } : entry)),
        );
      }
      if (asked.current.has(callId)) return;
      asked.current.add(callId);
      void fetchCallPop(callId, controller.current?.signal)
        .then((details) => {
          keep(details);
          if (announce) handler.current(details);
        })
        .catch(() => asked.current.delete(callId));
    },
    [keep],
  );

  useEffect(() => {
    const source = liveEventSource.acquire();
    controller.current = new AbortController();
    const signal = controller.current.signal;
    const parse = (message: MessageEvent<string>): unknown => {
      try {
        return JSON.parse(message.data);
      } catch {
        return null;
      }
    };
    const listener = (message: MessageEvent<string>) => {
      const event = callAnsweredEventSchema.safeParse(parse(message));
      if (event.success) fetchPop(event.data.callId, true);
    };
    // A hangup: the call's pop is read again, so the console shows the call has ended.
    const refresh = (callId: string) => {
      if (!held.current.some((entry) => entry.pop.callId === callId)) return;
      void fetchCallPop(callId, signal).then(keep, () => undefined);
    };
    const onEnded = (message: MessageEvent<string>) => {
      const event = callEndedEventSchema.safeParse(parse(message));
      if (event.success) refresh(event.data.callId);
    };
    // A role that takes no calls (a supervisor looking on) is told so once, then not asked again.
    let takesCalls = true;
    const onOpen = () => {
      if (!takesCalls) return;
      // A hangup while the stream was down reached no one: calls still going are read again.
      for (const entry of held.current) if (entry.pop.state === 'answered') refresh(entry.pop.callId);
      void fetchRecentlyAnsweredCalls(signal)
        .then(({ items }) => {
          const [newest, ...older] = items;
          // The one answered last is announced (it opens on an idle console); the older ones wait
          // in 진행 중인 상담, their pops kept for when they are on screen again.
          if (newest) fetchPop(newest.callId, true);
          for (const call of older) fetchPop(call.callId, false);
        })
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 403) takesCalls = false;
        });
    };
    source.addEventListener('call.answered', listener);
    source.addEventListener('call.ended', onEnded);
    source.addEventListener('open', onOpen);
    return () => {
      controller.current?.abort();
      controller.current = null;
      // Unmounted mid-fetch: asked again on the next mount.
      asked.current.clear();
      source.removeEventListener('open', onOpen);
      source.removeEventListener('call.answered', listener);
      source.removeEventListener('call.ended', onEnded);
      liveEventSource.release(source);
    };
  }, [fetchPop, keep]);

  // A tab opened on a popped call (the "새 전화" link) shows that call's pop, whenever it was answered.
  useEffect(() => {
    if (requestedCallId) fetchPop(requestedCallId, false);
  }, [requestedCallId, fetchPop]);

  // The server words who is calling: in another language, the pops held are read again.
  const locale = useLocale();
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current === locale) return;
    shownLocale.current = locale;
    for (const { pop } of pops) void fetchCallPop(pop.callId).then(keep, () => undefined);
  }, [locale, pops, keep]);

  const forget = useCallback((consultationId: string) => {
    setPops((held) => held.filter((entry) => entry.pop.consultationId !== consultationId));
  }, []);
  return { pops, forget };
}
