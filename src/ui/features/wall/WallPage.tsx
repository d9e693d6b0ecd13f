import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { displayConfig } from '../../../fleet/wall/display-config.ts';
import { lockReadOnly } from '../../../fleet/wall/read-only-lock.ts';
import { wallSettings, type WallSettings } from '../../../fleet/wall/wall-settings.ts';
import { useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { useSetForcedTheme } from '../../stores/theme-store.ts';
import { useChangeLog } from './use-change-log.ts';
import { useRotation } from './use-rotation.ts';
import { useWallFleet } from './use-wall-fleet.ts';
import { WallChanges } from './WallChanges.tsx';
import { WallCloudTiles } from './WallCloudTiles.tsx';
import { WallSummaryBar } from './WallSummaryBar.tsx';
import { WallTopology } from './WallTopology.tsx';

/**
 * /wall: the NOC display. Read-only by construction: the shared HTTP policy
 * is switched to read-only before any cloud is asked anything, and stays so
 * for the tab's life, whatever is opened after it.
 */
export function WallPage() {
  const { connections } = useFleetRuntime();
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    lockReadOnly(connections.policy);
    setLocked(true);
  }, [connections]);
  useWallScreen();
  const [params] = useSearchParams();
  const query = params.toString();
  const settings = useMemo(() => wallSettings(new URLSearchParams(query), displayConfig().wall), [query]);
  return (
    <main aria-label="NOC wall" className="dark flex h-screen flex-col overflow-hidden bg-slate-950 text-slate-50">
      <h1 className="sr-only">NOC wall</h1>
      {locked ? <Wall settings={settings} /> : null}
    </main>
  );
}

function Wall({ settings }: { settings: WallSettings }) {
  const fleet = useWallFleet(settings.refreshMs);
  const log = useChangeLog(fleet.clouds, fleet.now);
  const index = useRotation(settings.views.length, settings.rotateMs);
  const view = settings.views[index] ?? 'health';
  return (
    <>
      <WallSummaryBar summary={fleet.summary} lastRefreshAt={fleet.lastRefreshAt} now={fleet.now} views={settings.views} current={view} />
      <div className="flex min-h-0 flex-1 gap-8 px-8 py-6">
        {view === 'health' ? (
          <>
            <div className="min-h-0 min-w-0 flex-1 overflow-hidden">
              <WallCloudTiles clouds={fleet.clouds} />
            </div>
            <aside className="flex w-[26rem] shrink-0 flex-col border-l-2 border-slate-800 pl-8">
              <WallChanges changes={log.entries} limit={14} />
            </aside>
          </>
        ) : null}
        {view === 'topology' ? <WallTopology graph={fleet.graph} clouds={fleet.summary.clouds} /> : null}
        {view === 'changes' ? (
          <div className="min-h-0 flex-1">
            <WallChanges changes={log.entries} limit={20} large />
          </div>
        ) : null}
      </div>
    </>
  );
}

/**
 * Dark whatever the console's theme, and type that grows with the screen:
 * the root size follows the viewport, so a 4K wall gets twice the 1080p size.
 */
function useWallScreen(): void {
  const setForced = useSetForcedTheme();
  useEffect(() => {
    setForced('dark');
    const root = document.documentElement;
    const previous = root.style.fontSize;
    root.style.fontSize = 'clamp(16px, 0.9vw, 40px)';
    return () => {
      setForced(undefined);
      root.style.fontSize = previous;
    };
  }, [setForced]);
}
