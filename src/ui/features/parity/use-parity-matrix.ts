import { useMemo, useRef } from 'react';
import { buildParityMatrix } from '../../../fleet/inventory/parity-matrix.ts';
import type { ParityMatrix } from '../../../fleet/inventory/parity-model.ts';
import { parityObservations, parityProblems, type CloudParityState, type ParityProblem } from '../../../fleet/inventory/parity-sources.ts';
import { visibleParity, type ParityViewState, type VisibleParity } from '../../../fleet/inventory/parity-url-state.ts';
import { useCloudParity, type CloudParityEntry } from './api/cloud-parity.ts';

export interface ParityData {
  entries: CloudParityEntry[];
  matrix: ParityMatrix;
  visible: VisibleParity;
  problems: ParityProblem[];
  /** Sources that have not answered every listing yet. */
  pending: number;
}

/** The fleet's parity as the view asks for it, recomputed only when a listing or the view changes. */
export function useParityMatrix(view: ParityViewState): ParityData {
  const entries = useCloudParity();
  const states = useStableStates(entries);
  const observations = useMemo(() => parityObservations(states), [states]);
  const matrix = useMemo(() => buildParityMatrix(observations, { reference: view.reference }), [observations, view.reference]);
  const visible = useMemo(() => visibleParity(matrix, view), [matrix, view]);
  const problems = useMemo(() => parityProblems(observations), [observations]);
  const pending = observations.filter((observation) => Object.values(observation.listings).some((listing) => listing.state === 'unknown' && listing.reason === 'loading')).length;
  return { entries, matrix, visible, problems, pending };
}

/** The same array while every cloud's data is the same, so the matrix is not rebuilt on every render. */
function useStableStates(entries: readonly CloudParityEntry[]): readonly CloudParityState[] {
  const ref = useRef<readonly CloudParityState[]>(entries);
  const previous = ref.current;
  const same =
    previous.length === entries.length &&
    entries.every((entry, index) => {
      const old = previous[index];
      return (
        old !== undefined &&
        old.cloud === entry.cloud &&
        old.signInNeeded === entry.signInNeeded &&
        old.parity.data === entry.parity.data &&
        old.parity.error === entry.parity.error &&
        old.images.data === entry.images.data &&
        old.images.error === entry.images.error
      );
    });
  if (!same) ref.current = entries;
  return ref.current;
}
