import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { TOPOLOGY_HEALTH, type TopologyHealth } from '../../../fleet/topology/topology-health.ts';
import type { RelationLayerChoice } from './api/relation-data.ts';

export interface TopologyUrlState {
  /** `show`: only nodes at least this unhealthy. */
  minHealth: TopologyHealth;
  /** `node`: the selected node's id; a shared link opens the graph down to it. */
  selectedId?: string;
  /** `relations=networks,images`: the relation layers drawn (network overlaps, image replicas); federation is always drawn. */
  relations: RelationLayerChoice;
}

function parse(params: URLSearchParams): TopologyUrlState {
  const show = params.get('show');
  const relations = (params.get('relations') ?? '').split(',');
  return {
    minHealth: TOPOLOGY_HEALTH.find((health) => health === show) ?? 'ok',
    selectedId: params.get('node') || undefined,
    relations: { networks: relations.includes('networks'), images: relations.includes('images') },
  };
}

/**
 * What is worth sharing lives in the URL; every other parameter (the demo's
 * `fleet`) is kept as it is. The toolbar's checkboxes and select show the URL,
 * so an update is applied at once rather than as a transition, which a busy
 * graph would hold back while the control shows its old state.
 */
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
          if (change.relations) {
            const on = (['networks', 'images'] as const).filter((layer) => change.relations?.[layer]);
            if (on.length > 0) next.set('relations', on.join(','));
            else next.delete('relations');
          }
          if ('selectedId' in change) {
            if (change.selectedId) next.set('node', change.selectedId);
            else next.delete('node');
          }
          return next;
        },
        { replace: true, flushSync: true },
      ),
    [setParams],
  );
  return [parse(params), update];
}
