import { formatParityView, parseParityView, type ParityViewState } from '../../../fleet/inventory/parity-url-state.ts';
import { useUrlView, type UpdateUrlView } from '../inventory-common/use-url-view.ts';

export type UpdateParityView = UpdateUrlView<ParityViewState>;

/** The view lives in the URL: every view is a link, and Back undoes a change. */
export function useParityView(): [ParityViewState, UpdateParityView] {
  return useUrlView(parseParityView, formatParityView);
}
