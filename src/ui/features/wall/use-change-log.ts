import { useEffect, useRef, useState } from 'react';
import { appendChanges, diffSnapshots, EMPTY_CHANGE_LOG, snapshotOf, type ChangeLog, type HealthSnapshot } from '../../../fleet/wall/change-log.ts';
import type { WallCloud } from '../../../fleet/wall/wall-cloud.ts';

/**
 * What changed on the wall in the last hour. Only the latest snapshot is
 * kept to compare the next one with; the log itself is capped, so the wall's
 * memory does not grow with the refreshes.
 */
export function useChangeLog(clouds: readonly WallCloud[], now: number): ChangeLog {
  const previous = useRef<HealthSnapshot>(new Map());
  const [log, setLog] = useState<ChangeLog>(EMPTY_CHANGE_LOG);
  useEffect(() => {
    const next = snapshotOf(clouds);
    const changes = diffSnapshots(previous.current, next, now);
    previous.current = next;
    setLog((current) => appendChanges(current, changes, now));
  }, [clouds, now]);
  return log;
}
