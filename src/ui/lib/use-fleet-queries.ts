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
 */
export function useFleetQueries<Data, Key extends QueryKey>(
  queries: readonly QueryObserverOptions<Data, Error, Data, Data, Key>[],
  everyMs: number,
): readonly QueryObserverResult<Data>[] {
  const client = useQueryClient();
  // QueriesObserver takes untyped options; the results are typed by the queries given.
  const untyped = queries as unknown as QueryObserverOptions[];
  const [observer] = useState(() => new QueriesObserver<QueryObserverResult<Data>[]>(client, [...untyped]));
  // The list the observer holds, and React's copy of its answers, renewed once per interval.
  const held = useRef(untyped);
  const snapshot = useRef({ queries: untyped, results: observer.getCurrentResult() as QueryObserverResult<Data>[] });
  useEffect(() => {
    observer.setQueries([...untyped]);
    held.current = untyped;
  }, [observer, untyped]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = observer.subscribe(() => {
        timer ??= setTimeout(() => {
          timer = undefined;
          snapshot.current = { queries: held.current, results: observer.getCurrentResult() as QueryObserverResult<Data>[] };
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
  const taken = useSyncExternalStore(subscribe, () => snapshot.current);
  // A list that changed since the last answers (a cloud added or removed) is read now, in its own order, so no cloud shows another's answers.
  return taken.queries === untyped ? taken.results : (observer.getOptimisticResult([...untyped], undefined)[0] as QueryObserverResult<Data>[]);
}
