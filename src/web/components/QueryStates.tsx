import { Alert, Loader, type MantineSize } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** Props of a query's states before its data is shown. */
export type QueryStatesProps = {
  query: UseQueryResult<unknown>;
  /** What a screen reader says for the spinner while the query loads. */
  loadingLabel: string;
  /** The spinner's size: "sm" inside a panel, Mantine's default on a page or in a drawer. */
  loaderSize?: MantineSize;
  /** Shown when the query answered an empty list (the panel's own words for "none yet"). */
  empty?: ReactNode;
};

/**
 * What every screen shows for a query before its data: a named spinner while it loads, the
 * server's message in red when it failed and, for a list, the panel's "none" line when it came
 * back empty. One place, so the screens agree on it (and screen readers always get a name for
 * the spinner); the data itself is the caller's to render.
 */
export function QueryStates({ query, loadingLabel, loaderSize, empty }: QueryStatesProps) {
  return (
    <>
      {query.isPending && <Loader size={loaderSize} aria-label={loadingLabel} />}
      {query.isError && <Alert color="red">{query.error.message}</Alert>}
      {empty !== undefined && Array.isArray(query.data) && query.data.length === 0 && empty}
    </>
  );
}
