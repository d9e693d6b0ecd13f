import { z } from 'zod';
import { NO_FILTERS, type ServerFilters } from '../../../fleet/inventory/filter-rows.ts';
import type { TopologyHealth } from '../../../fleet/topology/topology-health.ts';
import type { TopologyLevel, TopologyPlace } from '../../../fleet/topology/topology-graph.ts';

/**
 * The postMessage API between an embedded panel and its host page (see
 * docs/embedding.md). Pure: what is accepted, from where, and what is sent.
 */

export const EMBED_PANELS = ['servers', 'topology', 'health', 'parity'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];

export function isEmbedPanel(name: string): name is EmbedPanel {
  return (EMBED_PANELS as readonly string[]).includes(name);
}

/** As long as the servers view's URL accepts; a host cannot make the panel hold more. */
const filterValue = z.string().max(512);

/** The servers view's URL parameter names, so a host can use the same words in a link and in a message. */
const filtersSchema = z.object({
  q: filterValue.optional(),
  status: filterValue.optional(),
  cloud: filterValue.optional(),
  region: filterValue.optional(),
  site: filterValue.optional(),
  flavor: filterValue.optional(),
  image: filterValue.optional(),
  ip: filterValue.optional(),
});

export type EmbedFilters = z.infer<typeof filtersSchema>;

const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('archipelago:set-theme'), theme: z.enum(['light', 'dark']) }),
  z.object({ type: z.literal('archipelago:set-filters'), filters: filtersSchema }),
]);

export type HostMessage = z.infer<typeof hostMessageSchema>;

/**
 * The host origins a panel listens to: exact `scheme://host[:port]` origins.
 * A wildcard, a path or anything that is not an http(s) origin is refused,
 * so a typo can only narrow the list, never open it.
 */
export function allowedOriginsOf(entries: readonly string[]): { origins: ReadonlySet<string>; rejected: string[] } {
  const origins = new Set<string>();
  const rejected: string[] = [];
  for (const entry of entries) {
    const origin = originOf(entry);
    if (origin) origins.add(origin);
    else rejected.push(entry);
  }
  return { origins, rejected };
}

function originOf(entry: string): string | undefined {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // URL accepts '*' in a host name; postMessage origins have no wildcards, so one here is a mistake.
  if (url.hostname.includes('*')) return undefined;
  // Only the origin itself (a trailing slash is fine): a path would suggest a narrower rule than postMessage can enforce.
  return entry.replace(/\/$/, '') === url.origin ? url.origin : undefined;
}

export type MessageDecision = { accept: true; message: HostMessage } | { accept: false; reason: string };

/** Whether a message event is from the host and is one of ours; the reason never quotes the message. */
export function decideHostMessage(event: { origin: string; data: unknown; fromParent: boolean }, allowed: ReadonlySet<string>): MessageDecision {
  if (!allowed.has(event.origin)) return { accept: false, reason: `ignored a message from ${event.origin}: not in embed.allowedOrigins` };
  if (!event.fromParent) return { accept: false, reason: `ignored a message from ${event.origin}: not sent by the host page` };
  const parsed = hostMessageSchema.safeParse(event.data);
  if (!parsed.success) return { accept: false, reason: `ignored a message from ${event.origin}: not a valid Archipelago message` };
  return { accept: true, message: parsed.data };
}

/** The servers view's filters a set-filters message asks for: what it leaves out is cleared. */
export function serverFiltersOf(filters: EmbedFilters): ServerFilters {
  const { q, ...rest } = filters;
  return { ...NO_FILTERS, ...rest, text: q ?? '' };
}

export type EmbedSelection =
  | { kind: 'server'; cloud: string; region: string; id: string; name: string; status: string }
  | { kind: 'node'; level: TopologyLevel; id: string; label: string; health: TopologyHealth; place: TopologyPlace }
  | { kind: 'cloud'; cloud: string; state: string };

export type PanelMessage =
  | { type: 'archipelago:ready'; panel: EmbedPanel; version: 1 }
  | { type: 'archipelago:selection'; panel: EmbedPanel; selection: EmbedSelection };
