import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type UpdateUrlView<View> = (change: (view: View) => View, options?: { replace?: boolean }) => void;

/**
 * The view lives in the URL: every view is a link, and Back undoes a change. `format` gets the
 * current parameters so it keeps those it does not own. Give module-level functions: they are
 * dependencies of the returned view and updater.
 */
export function useUrlView<View>(parse: (params: URLSearchParams) => View, format: (view: View, current: URLSearchParams) => URLSearchParams): [View, UpdateUrlView<View>] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const view = useMemo(() => parse(new URLSearchParams(query)), [parse, query]);
  const update = useCallback<UpdateUrlView<View>>(
    (change, options) => setParams((current) => format(change(parse(current)), current), { replace: options?.replace }),
    [parse, format, setParams],
  );
  return [view, update];
}
