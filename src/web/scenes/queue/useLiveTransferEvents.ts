import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import {
  type LeadEvent,
  leadEventSchema,
  leadEventTypeSchema,
} from '../../../contract/events/leadEventSchema.ts';
import {
  type TransferEvent,
  transferEventSchema,
  transferEventTypeSchema,
} from '../../../contract/events/transferEventSchema.ts';
import { liveEventSource } from '../../api/liveEventSource.ts';
import { refreshLiveQuery } from '../../api/refreshLiveQuery.ts';
import { leadKeys } from '../leads/leadApi.ts';
import { transferKeys } from './transferApi.ts';

/** A transfer event as the server streams it (ids only, no personal data). */
export type LiveTransferEvent = TransferEvent & { type: z.output<typeof transferEventTypeSchema> };

/** A sign-up lead event (ids, status and, for a due callback, the company name; no personal data). */
export type LiveLeadEvent = LeadEvent & { type: z.output<typeof leadEventTypeSchema> };

/** The event's JSON data read with its contract schema; null when it is not what the contract says. */
function parseData<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Keeps transfer screens live: listens to the server's event stream (GET /api/v1/events, the
 * session cookie authenticates it) and refetches transfer queries on every transfer event, and
 * lead queries on every sign-up lead event, so a new or changed transfer or lead shows without a
 * reload. One stream serves both, so a queue page holds one connection. EventSource reconnects by
 * itself and sends Last-Event-ID, so nothing is missed across a dropped connection (repeats are
 * skipped by id); every (re)connection also reads the lists again, for what no catch-up covers.
 * `onEvent` sees each transfer event (for the assignee's notification), `onLeadEvent` each lead
 * event (for the callback reminder).
 */
export function useLiveTransferEvents(
  onEvent?: (event: LiveTransferEvent) => void,
  onLeadEvent?: (event: LiveLeadEvent) => void,
): void {
  const queryClient = useQueryClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const leadHandler = useRef(onLeadEvent);
  leadHandler.current = onLeadEvent;
  useEffect(() => {
    const source = liveEventSource.acquire();
    // A reconnect's catch-up may repeat an event (the server delivers at least once); each
    // notification is shown once.
    const seen = new Set<string>();
    const isRepeat = (message: MessageEvent<string>): boolean => {
      if (!message.lastEventId) return false;
      if (seen.has(message.lastEventId)) return true;
      seen.add(message.lastEventId);
      if (seen.size > 2000) seen.delete(seen.values().next().value ?? '');
      return false;
    };
    const listeners = transferEventTypeSchema.options.map((type) => {
      const listener = (message: MessageEvent<string>) => {
        if (isRepeat(message)) return;
        void refreshLiveQuery(queryClient, transferKeys.all);
        const data = parseData(transferEventSchema, message.data);
        if (data) handler.current?.({ ...data, type });
      };
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    const leadListeners = leadEventTypeSchema.options.map((type) => {
      const listener = (message: MessageEvent<string>) => {
        if (isRepeat(message)) return;
        void refreshLiveQuery(queryClient, leadKeys.all);
        const data = parseData(leadEventSchema, message.data);
        if (data) leadHandler.current?.({ ...data, type });
      };
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    // The first connection has no Last-Event-ID to catch up from, nor has a reconnection before any
    // event came: what changed after the lists were read and before the stream was up is read again.
    const onOpen = () => {
      void refreshLiveQuery(queryClient, transferKeys.all);
      void refreshLiveQuery(queryClient, leadKeys.all);
    };
    source.addEventListener('open', onOpen);
    return () => {
      source.removeEventListener('open', onOpen);
      for (const [type, listener] of [...listeners, ...leadListeners]) {
        source.removeEventListener(type, listener);
      }
      liveEventSource.release(source);
    };
  }, [queryClient]);
}
