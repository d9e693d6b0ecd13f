import type { TopologyLink } from '../../../fleet/topology/topology-graph.ts';

export interface LinkStyle {
  /** Mid-tone colours: they read on the light and the dark background alike. */
  stroke: string;
  dash: string;
  /** Tailwind classes of the legend's sample line (a dashed border in the same colour). */
  sample: string;
  name: string;
  meaning: string;
}

/** One look per kind of link, shared by the graph, the legend and the exported SVG. */
export const LINK_STYLES: Record<TopologyLink['kind'], LinkStyle> = {
  federation: { stroke: '#0ea5e9', dash: '6 4', sample: 'border-sky-500 border-dashed', name: 'Federation', meaning: 'a cloud trusts this identity provider' },
  'network-overlap': { stroke: '#e11d48', dash: '3 3', sample: 'border-rose-600 border-dotted', name: 'Network overlap', meaning: 'subnets share addresses: joining them would collide' },
  'network-span': { stroke: '#8b5cf6', dash: '10 4', sample: 'border-violet-500 border-dashed', name: 'Network span', meaning: 'the same network name and CIDR: one segment stretched' },
  'image-replica': { stroke: '#d97706', dash: '8 3 2 3', sample: 'border-amber-600 border-dashed', name: 'Image replica', meaning: 'the same image data (checksum) in both' },
};
