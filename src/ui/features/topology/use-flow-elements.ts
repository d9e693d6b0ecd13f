import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { VisibleGraph } from '../../../fleet/topology/collapse.ts';
import { flowElements, type FlowCache, type FlowElements, type FlowOptions } from './flow-elements.ts';
import type { Placement } from './pack-layout.ts';

/** Below this zoom packed blocks are mosaics: a thousand cards would be a thousand unreadable DOM nodes. */
export const MOSAIC_BELOW_ZOOM = 0.3;
/** The view is rounded out to tiles of this many flow pixels, so panning changes the cards handed to xyflow only now and then. */
const TILE = 1024;

/** "x0,y0,x1,y1,mosaic": a string, so the selector's result compares by value and a pan inside a tile renders nothing. */
const viewKey = (state: ReactFlowState): string => {
  const [tx, ty, zoom] = state.transform;
  if (zoom < MOSAIC_BELOW_ZOOM) return 'mosaic';
  const round = (value: number, up: boolean) => (up ? Math.ceil(value / TILE) + 1 : Math.floor(value / TILE) - 1) * TILE;
  const x = -tx / zoom;
  const y = -ty / zoom;
  return [round(x, false), round(y, false), round(x + state.width / zoom, true), round(y + state.height / zoom, true)].join(',');
};

/** The xyflow nodes and edges of the visible graph at the current zoom and view, reusing the objects of cards that did not change. */
export function useFlowElements(visible: VisibleGraph, placement: Placement | undefined, options: Omit<FlowOptions, 'mosaic' | 'inView'>): FlowElements {
  const view = useStore(viewKey);
  const cache = useRef<FlowCache>(new Map());
  const { selectedId, interactive, className } = options;
  return useMemo(() => {
    const mosaic = view === 'mosaic';
    const [x0, y0, x1, y1] = mosaic ? [] : view.split(',').map(Number);
    const inView = x0 === undefined ? undefined : { x0, y0: y0 as number, x1: x1 as number, y1: y1 as number };
    const elements = flowElements(visible, placement, { selectedId, interactive, className, mosaic, inView }, cache.current);
    cache.current = elements.cache;
    return elements;
  }, [visible, placement, selectedId, interactive, className, view]);
}
