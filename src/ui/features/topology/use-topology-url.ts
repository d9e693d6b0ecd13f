import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { TOPOLOGY_HEALTH, type TopologyHealth } from '../../../fleet/topology/topology-health.ts';

export interface TopologyUrlState {
  /** `show`: only nodes at least this unhealthy. */
  minHealth: TopologyHealth;
  /** `node`: the selected node's id; a shared link opens the graph down to it. */
  selectedId?: string;
}

function parse(params: URLSearchParams): TopologyUrlState {
  const show = params.get('show');
  return {
    minHealth: TOPOLOGY_HEALTH.find((health) => health === show) ?? 'ok',
    selectedId: params.get('node') || undefined,
  };
}

/** What is worth sharing lives in the URL; every other parameter (the demo's `fleet`) is kept as it is. */
export function useTopologyUrl(): [TopologyUrlState, (change: Partial<TopologyUrlState>) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: Partial<TopologyUrlState>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if ('minHealth' in change) {
            if (change.minHealth && change.minHealth !== 'ok') next.set('show', change.minHealth);
            else next.delete('show');
          }
          if ('selectedId' in change) {
            if (change.selectedId) next.set('node', change.selectedId);
            else next.delete('node');
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [parse(params), update];
}
