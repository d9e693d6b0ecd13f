import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { formatServersView, parseServersView, type ServersViewState } from '../../../fleet/inventory/inventory-url-state.ts';

export type UpdateServersView = (change: (view: ServersViewState) => ServersViewState, options?: { replace?: boolean }) => void;

/** The view lives in the URL: every view is a link, and Back undoes a change. */
export function useServersView(): [ServersViewState, UpdateServersView] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const view = useMemo(() => parseServersView(new URLSearchParams(query)), [query]);
  const update = useCallback<UpdateServersView>(
    (change, options) => setParams((current) => formatServersView(change(parseServersView(current)), current), { replace: options?.replace }),
    [setParams],
  );
  return [view, update];
}
