import { formatServersView, parseServersView, type ServersViewState } from '../../../fleet/inventory/inventory-url-state.ts';
import { useUrlView, type UpdateUrlView } from '../inventory-common/use-url-view.ts';

export type UpdateServersView = UpdateUrlView<ServersViewState>;

/** The view lives in the URL: every view is a link, and Back undoes a change. */
export function useServersView(): [ServersViewState, UpdateServersView] {
  return useUrlView(parseServersView, formatServersView);
}
