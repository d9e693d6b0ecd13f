import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { lockReadOnly } from '../../../fleet/wall/read-only-lock.ts';
import { useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useSetForcedTheme } from '../../stores/theme-store.ts';
import { useServersView } from '../servers/use-servers-view.ts';
import { EmbedParity } from '../parity/EmbedParity.tsx';
import { EmbedHealth } from './EmbedHealth.tsx';
import { EMBED_PANELS, isEmbedPanel, serverFiltersOf, type EmbedPanel, type HostMessage } from './embed-messages.ts';
import { EmbedServers } from './EmbedServers.tsx';
import { EmbedTopology } from './EmbedTopology.tsx';
import { useHostBridge } from './use-host-bridge.ts';

const TITLES: Record<EmbedPanel, string> = { servers: 'Servers', topology: 'Topology', health: 'Fleet health', parity: 'Parity' };

/**
 * /embed/:panel — one panel, no console chrome, sized to whatever frame holds
 * it. Panels only show: like the wall, they switch the HTTP layer to
 * read-only, so a host page can never make the console change a cloud.
 */
export function EmbedPage() {
  const { panel = '' } = useParams();
  const { connections } = useFleetRuntime();
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    lockReadOnly(connections.policy);
    setLocked(true);
  }, [connections]);
  const [params] = useSearchParams();
  const horizon = params.get('look') === 'horizon';
  const requested = params.get('theme');
  const [theme, setTheme] = useState<'light' | 'dark'>(horizon ? 'light' : requested === 'dark' ? 'dark' : 'light');
  useEmbedTheme(theme, horizon);

  return (
    <main
      aria-label={isEmbedPanel(panel) ? `${TITLES[panel]} panel` : 'Embedded panel'}
      data-look={horizon ? 'horizon' : 'archipelago'}
      className={`flex h-screen w-full flex-col overflow-hidden bg-white p-2 text-slate-900 dark:bg-slate-950 dark:text-slate-100 ${
        horizon ? 'font-[Helvetica_Neue,Helvetica,Arial,sans-serif] text-[#333]' : ''
      }`}
    >
      {!isEmbedPanel(panel) ? (
        <Notice tone="warning" title="No such panel">
          The embeddable panels are {EMBED_PANELS.join(', ')}.
        </Notice>
      ) : locked ? (
        <Panel panel={panel} theme={theme} setTheme={setTheme} horizon={horizon} />
      ) : null}
    </main>
  );
}

function Panel({ panel, theme, setTheme, horizon }: { panel: EmbedPanel; theme: 'light' | 'dark'; setTheme: (theme: 'light' | 'dark') => void; horizon: boolean }) {
  const [view, update] = useServersView();
  const onMessage = useCallback(
    (message: HostMessage) => {
      if (message.type === 'archipelago:set-theme') setTheme(message.theme);
      else update((current) => ({ ...current, filters: serverFiltersOf(message.filters) }), { replace: true });
    },
    [setTheme, update],
  );
  const select = useHostBridge(panel, onMessage);
  const panels: Record<typeof panel, ReactNode> = {
    servers: <EmbedServers view={view} update={update} onSelect={select} />,
    topology: <EmbedTopology cloud={view.filters.cloud} theme={theme} onSelect={select} />,
    health: <EmbedHealth cloud={view.filters.cloud} onSelect={select} />,
    parity: <EmbedParity />,
  };
  return (
    <>
      <h1
        className={
          horizon
            ? 'mb-2 shrink-0 border-b border-[#ddd] pb-1.5 text-lg font-normal text-[#333]'
            : 'mb-1.5 shrink-0 px-1 text-sm font-semibold text-slate-800 dark:text-slate-200'
        }
      >
        {TITLES[panel]}
        {view.filters.cloud !== '' ? <bdi className="ml-2 font-normal text-slate-500 dark:text-slate-400">{view.filters.cloud}</bdi> : null}
      </h1>
      {panels[panel]}
    </>
  );
}

/** The host's theme for this frame only (never stored), and Horizon's type size when it asks for Horizon's look. */
function useEmbedTheme(theme: 'light' | 'dark', horizon: boolean): void {
  const setForced = useSetForcedTheme();
  useEffect(() => {
    setForced(theme);
    return () => setForced(undefined);
  }, [theme, setForced]);
  useEffect(() => {
    if (!horizon) return;
    const root = document.documentElement;
    const previous = root.style.fontSize;
    // Bootstrap 3's 13–14 px body text and its roomier padding: the console's rem scale, a notch up.
    root.style.fontSize = '15px';
    return () => {
      root.style.fontSize = previous;
    };
  }, [horizon]);
}
