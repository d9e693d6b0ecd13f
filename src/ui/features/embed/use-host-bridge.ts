import { useCallback, useEffect, useMemo, useRef } from 'react';
import { displayConfig } from '../../../fleet/wall/display-config.ts';
import { allowedOriginsOf, decideHostMessage, type EmbedPanel, type EmbedSelection, type HostMessage, type PanelMessage } from './embed-messages.ts';

const LOG_PREFIX = 'Archipelago embedded panel:';

/**
 * The panel's side of the postMessage API. Messages are taken only from the
 * parent window on an allowed origin; everything else is dropped with a
 * warning that names the origin and never the content. Messages go out only
 * to allowed origins (the browser delivers each one only if the host is
 * that origin), so a page that frames the panel uninvited hears nothing.
 */
export function useHostBridge(panel: EmbedPanel, onMessage: (message: HostMessage) => void): (selection: EmbedSelection) => void {
  const allowed = useMemo(() => allowedOriginsOf(displayConfig().embed?.allowedOrigins ?? []), []);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  }, [onMessage]);

  const post = useCallback(
    (message: PanelMessage) => {
      if (window.parent === window) return;
      for (const origin of allowed.origins) window.parent.postMessage(message, origin);
    },
    [allowed],
  );

  useEffect(() => {
    if (allowed.rejected.length > 0) console.warn(`${LOG_PREFIX} ${allowed.rejected.length} entries of embed.allowedOrigins are not origins and were left out`);
    const listener = (event: MessageEvent<unknown>) => {
      const fromParent = window.parent !== window && event.source === window.parent;
      const decision = decideHostMessage({ origin: event.origin, data: event.data, fromParent }, allowed.origins);
      if (decision.accept) handler.current(decision.message);
      else console.warn(`${LOG_PREFIX} ${decision.reason}`);
    };
    window.addEventListener('message', listener);
    post({ type: 'archipelago:ready', panel, version: 1 });
    return () => window.removeEventListener('message', listener);
  }, [allowed, panel, post]);

  return useCallback((selection: EmbedSelection) => post({ type: 'archipelago:selection', panel, selection }), [panel, post]);
}
