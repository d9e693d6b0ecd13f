import { formatImagesView, parseImagesView, type ImagesViewState } from '../../../fleet/inventory/image-url-state.ts';
import { useUrlView, type UpdateUrlView } from '../inventory-common/use-url-view.ts';

export type UpdateImagesView = UpdateUrlView<ImagesViewState>;

/** The view lives in the URL: every view is a link, and Back undoes a change. */
export function useImagesView(): [ImagesViewState, UpdateImagesView] {
  return useUrlView(parseImagesView, formatImagesView);
}
