import type { RelationKind, TopologyEdge, TopologyNode } from '../../../fleet/topology/topology-graph.ts';
import { HEALTH_LABELS } from '../../../fleet/topology/topology-health.ts';
import { HEALTH_PALETTE } from './health-palette.ts';
import { LINK_STYLES } from './link-styles.ts';
import { relationPath } from './relation-path.ts';
import { levelName, statusLine, structureLine } from './node-text.ts';
import { FRAME_HEADER, type PackFrame } from './pack-layout.ts';

export interface PlacedNode {
  node: TopologyNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A tree edge, or a link when its `data.kind` names one (as the view's edges carry it): drawn dashed in the link's colour, with its label. */
export interface SvgEdge extends TopologyEdge {
  label?: unknown;
  data?: Record<string, unknown>;
}

const THEMES = {
  light: { background: '#ffffff', card: '#ffffff', text: '#0f172a', muted: '#475569', edge: '#94a3b8' },
  dark: { background: '#020617', card: '#0f172a', text: '#f1f5f9', muted: '#94a3b8', edge: '#475569' },
} as const;

const MARGIN = 24;

/**
 * The view as a standalone SVG document. Names come from the clouds, so every
 * text is escaped: a host called `<script>` is just text in the file.
 */
export function topologySvg(
  nodes: readonly PlacedNode[],
  edges: readonly SvgEdge[],
  frames: readonly PackFrame[],
  theme: keyof typeof THEMES,
): string {
  const colors = THEMES[theme];
  const boxes = [...nodes, ...frames];
  const minX = Math.min(...boxes.map((n) => n.x), 0) - MARGIN;
  const minY = Math.min(...boxes.map((n) => n.y), 0) - MARGIN;
  const width = Math.max(...boxes.map((n) => n.x + n.width), 0) - minX + MARGIN;
  const height = Math.max(...boxes.map((n) => n.y + n.height), 0) - minY + MARGIN;

  // Where an edge leaves a box (its right side) and reaches one (its left side; a frame at its caption).
  const anchors = new Map<string, { x: number; y: number; width: number; inY: number; outY: number }>();
  for (const n of nodes) anchors.set(n.node.id, { x: n.x, y: n.y, width: n.width, inY: n.y + n.height / 2, outY: n.y + n.height / 2 });
  for (const f of frames) anchors.set(f.id, { x: f.x, y: f.y, width: f.width, inY: f.y + FRAME_HEADER / 2, outY: f.y + FRAME_HEADER / 2 });

  const outlines = frames.map(
    (f) => `<rect x="${f.x}" y="${f.y}" width="${f.width}" height="${f.height}" rx="12" fill="none" stroke="${colors.edge}" stroke-dasharray="4 4"/>`,
  );
  const paths = edges.flatMap((edge) => {
    const from = anchors.get(edge.source);
    const to = anchors.get(edge.target);
    if (!from || !to) return [];
    const [x1, y1, x2, y2] = [from.x + from.width, from.outY, to.x, to.inY];
    const bend = (x2 - x1) / 2;
    const curve = { d: `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`, labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 };
    const kind = edge.data?.kind;
    if (typeof kind !== 'string' || !(kind in LINK_STYLES)) return [`<path d="${curve.d}" fill="none" stroke="${colors.edge}" stroke-width="1.5"/>`];
    const style = LINK_STYLES[kind as keyof typeof LINK_STYLES];
    // As the view draws them: federation as the tree's curve, a relation as an arc between the two right sides.
    const { d, labelX, labelY } = kind === 'federation' ? curve : relationPath({ x: x1, y: y1 }, { x: to.x + to.width, y: to.inY }, kind as RelationKind);
    const label = typeof edge.label === 'string' ? edge.label : '';
    return [
      `<path class="link link-${kind}" d="${d}" fill="none" stroke="${style.stroke}" stroke-width="1.5" stroke-dasharray="${style.dash}"><title>${escapeXml(`${style.name}: ${label}`)}</title></path>`,
      label ? `<text x="${labelX}" y="${labelY - 4}" font-size="10" text-anchor="middle" fill="${style.stroke}">${escapeXml(label)}</text>` : '',
    ];
  });

  const cards = nodes.map(({ node, x, y, width: w, height: h }) => {
    const health = HEALTH_PALETTE[node.health].hex;
    const lines = [structureLine(node), statusLine(node)].filter((line) => line !== '');
    return [
      `<g transform="translate(${x} ${y})">`,
      `<title>${escapeXml(`${levelName(node.level)} ${node.label}: ${HEALTH_LABELS[node.health]}`)}</title>`,
      `<rect width="${w}" height="${h}" rx="8" fill="${colors.card}" stroke="${health}" stroke-width="2"/>`,
      `<circle cx="14" cy="18" r="5" fill="${health}"/>`,
      `<text x="26" y="22" font-size="13" font-weight="600" fill="${colors.text}">${escapeXml(truncate(node.label, 26))}</text>`,
      `<text x="${w - 10}" y="22" font-size="10" text-anchor="end" fill="${colors.muted}">${escapeXml(levelName(node.level))}</text>`,
      ...lines.map((line, i) => `<text x="12" y="${42 + i * 15}" font-size="11" fill="${colors.muted}">${escapeXml(truncate(line, 34))}</text>`),
      '</g>',
    ].join('');
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="${colors.background}"/>`,
    ...outlines,
    ...paths,
    ...cards,
    '</svg>',
  ].join('\n');
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
