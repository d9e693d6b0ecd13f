import { formatCapacityView, parseCapacityView, type CapacityViewState } from '../../../fleet/inventory/capacity-url-state.ts';
import { useUrlView, type UpdateUrlView } from '../inventory-common/use-url-view.ts';

export type UpdateCapacityView = UpdateUrlView<CapacityViewState>;

/** The view lives in the URL: a link to "quotas at 80 % or more" reopens exactly that. */
export function useCapacityView(): [CapacityViewState, UpdateCapacityView] {
  return useUrlView(parseCapacityView, formatCapacityView);
}
