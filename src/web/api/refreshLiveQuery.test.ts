import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshLiveQuery } from './refreshLiveQuery.ts';

/** A list read by a fake server: each read is answered when the test says, with what it holds then. */
function listServer() {
  const reads: Array<{ resolve: (items: string[]) => void; signal: AbortSignal }> = [];
  let items: string[] = [];
  return {
    reads,
    set: (next: string[]) => {
      items = next;
    },
    /** Answers read `index` with what the server holds now. */
    answer: (index: number) => reads[index]?.resolve([...items]),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      new Promise<string[]>((resolve) => reads.push({ resolve, signal })),
  };
}

const clients: QueryClient[] = [];
function watchedList(server: ReturnType<typeof listServer>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  clients.push(client);
  const observer = new QueryObserver(client, { queryKey: ['missed-calls'], queryFn: server.queryFn });
  const stop = observer.subscribe(() => undefined);
  return { client, observer, stop };
}

// Lets the query's promises settle.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
});

describe('refreshLiveQuery', () => {
  it('a change announced while the first read is out is shown: that read is answered, then the list is read again', async () => {
    const server = listServer();
    const { client, observer, stop } = watchedList(server);
    expect(server.reads).toHaveLength(1);
    // The server answers the first read before the change (the answer is still on its way)…
    server.set([]);
    // …then a call is missed and its event arrives.
    server.set(['call-1']);
    const refreshed = refreshLiveQuery(client, ['missed-calls']);
    await settle();
    expect(server.reads).toHaveLength(1);
    server.answer(0);
    await settle();
    expect(server.reads).toHaveLength(2);
    server.answer(1);
    await refreshed;
    expect(observer.getCurrentResult().data).toEqual(['call-1']);
    stop();
  });

  it('whoever awaits the first read gets its answer, not a cancellation', async () => {
    const server = listServer();
    const { client, stop } = watchedList(server);
    const awaited = client.fetchQuery({ queryKey: ['missed-calls'], queryFn: server.queryFn });
    const refreshed = refreshLiveQuery(client, ['missed-calls']);
    await settle();
    expect(server.reads[0]?.signal.aborted).toBe(false);
    server.set(['call-1']);
    server.answer(0);
    await expect(awaited).resolves.toEqual(['call-1']);
    await settle();
    server.answer(1);
    await refreshed;
    stop();
  });

  it('a query with data is read again on each refresh, once', async () => {
    const server = listServer();
    const { client, observer, stop } = watchedList(server);
    server.answer(0);
    await settle();
    expect(observer.getCurrentResult().data).toEqual([]);
    server.set(['call-1']);
    const refreshed = refreshLiveQuery(client, ['missed-calls']);
    await settle();
    expect(server.reads).toHaveLength(2);
    server.answer(1);
    await refreshed;
    expect(observer.getCurrentResult().data).toEqual(['call-1']);
    server.set(['call-1', 'call-2']);
    const again = refreshLiveQuery(client, ['missed-calls']);
    await settle();
    expect(server.reads).toHaveLength(3);
    server.answer(2);
    await again;
    expect(observer.getCurrentResult().data).toEqual(['call-1', 'call-2']);
    stop();
  });

  it('other queries are left alone, and a first read of another key keeps going', async () => {
    const server = listServer();
    const other = listServer();
    const { client, stop } = watchedList(server);
    const otherObserver = new QueryObserver(client, { queryKey: ['transfers'], queryFn: other.queryFn });
    const stopOther = otherObserver.subscribe(() => undefined);
    const refreshed = refreshLiveQuery(client, ['missed-calls']);
    await settle();
    server.answer(0);
    await settle();
    server.answer(1);
    await refreshed;
    expect(other.reads).toHaveLength(1);
    expect(other.reads[0]?.signal.aborted).toBe(false);
    stop();
    stopOther();
  });
});
