import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

// A query whose first read is still out: it has no data yet.
const isFirstReadOut = (query: Query): boolean =>
  query.state.fetchStatus === 'fetching' && query.state.data === undefined;

/**
 * Reads the queries under `queryKey` again because the server said they changed (a live event, or
 * the event stream (re)connecting: an event sent before it was up reached no one).
 *
 * React Query's invalidation restarts a read in flight only when the query already has data; a
 * first read still out is reused, and the server may have answered it before the change the event
 * announces. A list opened a moment before a change would then miss it until the next event (a
 * missed call that never showed in the business queue). So such a first read is let finish, then
 * the query is read again. It is not cancelled: whoever awaits it (a resume reading the open
 * calls) would get a CancelledError instead of an answer.
 */
export async function refreshLiveQuery(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  const firstReads = { queryKey, predicate: isFirstReadOut };
  if (queryClient.getQueryCache().findAll(firstReads).length > 0) {
    // Resolves once the reads out have settled (their failures included), without starting others.
    await queryClient.refetchQueries(firstReads, { cancelRefetch: false });
  }
  await queryClient.invalidateQueries({ queryKey });
}
