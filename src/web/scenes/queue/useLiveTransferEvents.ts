import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { liveEventSource } from '../../api/liveEventSource.ts';
import { leadKeys } from '../leads/leadApi.ts';
import { transferKeys } from './transferApi.ts';

/** A transfer event as the server streams it (ids only, no personal data). */
export type LiveTransferEvent = {
  type: 'transfer.filed' | 'transfer.updated' | 'transfer.commented';
  transferId: string;
  number: string;
  status: string;
  assigneeId: string | null;
  filedById: string;
  actorId: string;
  notifiedIds: string[];
  change: Record<string, unknown>;
};

const types = ['transfer.filed', 'transfer.updated', 'transfer.commented'] as const;

/** A sign-up lead event (ids, status and, for a due callback, the company name; no personal data). */
export type LiveLeadEvent = {
  type: 'lead.filed' | 'lead.updated' | 'lead.callback-due';
  leadId: string;
  number: string;
  companyName: string;
  assigneeId: string | null;
};

const leadTypes = ['lead.filed', 'lead.updated', 'lead.callback-due'] as const;

function parseLead(type: (typeof leadTypes)[number], text: string): LiveLeadEvent | null {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const read = (key: string): unknown => (key in data ? Reflect.get(data, key) : undefined);
    const leadId = read('leadId');
    if (typeof leadId !== 'string') return null;
    const assigneeId = read('assigneeId');
    return {
      type,
      leadId,
      number: String(read('number') ?? ''),
      companyName: String(read('companyName') ?? ''),
      assigneeId: typeof assigneeId === 'string' ? assigneeId : null,
    };
  } catch {
    return null;
  }
}

function parse(type: (typeof types)[number], text: string): LiveTransferEvent | null {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const read = (key: string): unknown => (key in data ? Reflect.get(data, key) : undefined);
    const transferId = read('transferId');
    if (typeof transferId !== 'string') return null;
    const notified = read('notifiedIds');
    const change = read('change');
    return {
      type,
      transferId,
      number: String(read('number') ?? ''),
      status: String(read('status') ?? ''),
      assigneeId: typeof read('assigneeId') === 'string' ? String(read('assigneeId')) : null,
      filedById: String(read('filedById') ?? ''),
      actorId: String(read('actorId') ?? ''),
      notifiedIds: Array.isArray(notified)
        ? notified.filter((id): id is string => typeof id === 'string')
        : [],
      change: typeof change === 'object' && change !== null ? Object.fromEntries(Object.entries(change)) : {},
    };
  } catch {
    return null;
  }
}

/**
 * Keeps transfer screens live: listens to the server's event stream (GET /api/v1/events, the
 * session cookie authenticates it) and refetches transfer queries on every transfer event, and
 * lead queries on every sign-up lead event, so a new or changed transfer or lead shows without a
 * reload. One stream serves both, so a queue page holds one connection. EventSource reconnects by
 * itself and sends Last-Event-ID, so nothing is missed across a dropped connection (repeats are skipped by id). `onEvent` sees
 * each transfer event (for the assignee's notification), `onLeadEvent` each lead event (for the
 * callback reminder).
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
    const listeners = types.map((type) => {
      const listener = (message: MessageEvent<string>) => {
        if (isRepeat(message)) return;
        void queryClient.invalidateQueries({ queryKey: transferKeys.all });
        const event = parse(type, message.data);
        if (event) handler.current?.(event);
      };
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    const leadListeners = leadTypes.map((type) => {
      const listener = (message: MessageEvent<string>) => {
        if (isRepeat(message)) return;
        void queryClient.invalidateQueries({ queryKey: leadKeys.all });
        const event = parseLead(type, message.data);
        if (event) leadHandler.current?.(event);
      };
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    return () => {
      for (const [type, listener] of [...listeners, ...leadListeners]) {
        source.removeEventListener(type, listener);
      }
      liveEventSource.release(source);
    };
  }, [queryClient]);
}
