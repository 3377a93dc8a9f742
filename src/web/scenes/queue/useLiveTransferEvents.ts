import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
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
 * session cookie authenticates it) and refetches transfer queries on every transfer event, so a
 * new or changed transfer shows without a reload. EventSource reconnects by itself and sends
 * Last-Event-ID, so nothing is missed across a dropped connection. `onEvent` sees each event
 * (for the assignee's notification).
 */
export function useLiveTransferEvents(onEvent?: (event: LiveTransferEvent) => void): void {
  const queryClient = useQueryClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    const listeners = types.map((type) => {
      const listener = (message: MessageEvent<string>) => {
        void queryClient.invalidateQueries({ queryKey: transferKeys.all });
        const event = parse(type, message.data);
        if (event) handler.current?.(event);
      };
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    return () => {
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
    };
  }, [queryClient]);
}
