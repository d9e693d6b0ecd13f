import { QueriesObserver, useQueryClient, type QueryKey, type QueryObserverOptions, type QueryObserverResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

/**
 * useQueries for one query per cloud of a large fleet: the answers reach
 * React at most once per `everyMs`, and the query list is handed to TanStack
 * only when it changes. useQueries re-defaults and re-hashes every query on
 * every render and renders again for each single answer, which at 1,000
 * clouds streaming in was most of the main thread.
 *
 * Give a memoized `queries` array: a new array is a new list for TanStack.
 * A query added since the last answer reads as not loaded yet until then.
 */
export function useFleetQueries<Data, Key extends QueryKey>(
  queries: readonly QueryObserverOptions<Data, Error, Data, Data, Key>[],
  everyMs: number,
): readonly QueryObserverResult<Data>[] {
  const client = useQueryClient();
  // QueriesObserver takes untyped options; the results are typed by the queries given.
  const untyped = queries as unknown as QueryObserverOptions[];
  const [observer] = useState(() => new QueriesObserver<QueryObserverResult<Data>[]>(client, [...untyped]));
  useEffect(() => {
    observer.setQueries([...untyped]);
  }, [observer, untyped]);
  // React reads this copy, renewed once per interval, so it never sees the list change in between and render again for it.
  const snapshot = useRef(observer.getCurrentResult() as QueryObserverResult<Data>[]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = observer.subscribe(() => {
        timer ??= setTimeout(() => {
          timer = undefined;
          snapshot.current = observer.getCurrentResult() as QueryObserverResult<Data>[];
          onChange();
        }, everyMs);
      });
      return () => {
        clearTimeout(timer);
        unsubscribe();
      };
    },
    [observer, everyMs],
  );
  return useSyncExternalStore(subscribe, () => snapshot.current);
}
