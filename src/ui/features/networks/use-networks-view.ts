import { formatNetworksView, parseNetworksView, type NetworksViewState } from '../../../fleet/inventory/network-url-state.ts';
import { useUrlView, type UpdateUrlView } from '../inventory-common/use-url-view.ts';

export type UpdateNetworksView = UpdateUrlView<NetworksViewState>;

/** The view lives in the URL: every view is a link, and Back undoes a change. */
export function useNetworksView(): [NetworksViewState, UpdateNetworksView] {
  return useUrlView(parseNetworksView, formatNetworksView);
}
