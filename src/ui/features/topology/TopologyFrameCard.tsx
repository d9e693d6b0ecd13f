import { Handle, Position, useReactFlow, type Node, type NodeProps } from '@xyflow/react';
import type { MouseEvent } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { FRAME_HEADER } from './pack-layout.ts';

/** Where a card of the block is, relative to the frame, and its health's color. */
export interface MosaicTile {
  x: number;
  y: number;
  color: string;
}

export type TopologyFrameNode = Node<{ caption: string; summary: string; tiles?: MosaicTile[]; zoomable: boolean }, 'frame'>;

/** The zoom a click on the mosaic goes to: cards are readable from here. */
const ZOOM_INTO = 0.7;

/**
 * The box around a packed block of cards: one edge reaches it instead of one
 * per card. Zoomed out, its cards are not drawn one by one: the block is a
 * mosaic of their health colors (one SVG, however many cards), and a click
 * zooms in to where it was clicked.
 */
export function TopologyFrameCard({ data, width = 0, height = 0, positionAbsoluteX, positionAbsoluteY }: NodeProps<TopologyFrameNode>) {
  const { setCenter, screenToFlowPosition } = useReactFlow();
  const zoomIn = (event: MouseEvent<HTMLButtonElement>) => {
    // A keyboard press has no pointer position: go to the block's first row.
    const at =
      event.detail === 0
        ? { x: positionAbsoluteX + Math.min(width, 1200) / 2, y: positionAbsoluteY + FRAME_HEADER + 300 }
        : screenToFlowPosition({ x: event.clientX, y: event.clientY });
    void setCenter(at.x, at.y, { zoom: ZOOM_INTO, duration: 300 });
  };
  return (
    <div style={{ width, height }} className="rounded-xl border border-dashed border-slate-300 bg-slate-50/60 dark:border-slate-700 dark:bg-slate-900/40">
      <Handle type="target" position={Position.Left} isConnectable={false} style={{ top: FRAME_HEADER / 2 }} className="!border-0 !bg-transparent" />
      <p style={{ height: FRAME_HEADER }} className="flex items-center gap-2 px-4 text-xs font-medium text-slate-500 dark:text-slate-400">
        {data.caption}
        {data.summary ? <span className="text-slate-400 dark:text-slate-500">· {data.summary}</span> : null}
      </p>
      {data.tiles && data.zoomable ? (
        <button
          type="button"
          aria-label={`${data.caption}${data.summary ? `, ${data.summary}` : ''}: zoom in to see them`}
          onClick={zoomIn}
          className="nodrag absolute inset-0 cursor-zoom-in rounded-xl focus-visible:outline-4 focus-visible:outline-teal-500"
        >
          <Mosaic tiles={data.tiles} width={width} height={height} />
        </button>
      ) : data.tiles ? (
        <div className="absolute inset-0">
          <Mosaic tiles={data.tiles} width={width} height={height} />
        </div>
      ) : null}
    </div>
  );
}

function Mosaic({ tiles, width, height }: { tiles: readonly MosaicTile[]; width: number; height: number }) {
  return (
    <svg aria-hidden="true" width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="block">
      {tiles.map((tile, index) => (
        <rect key={index} x={tile.x} y={tile.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={10} fill={tile.color} fillOpacity={0.85} />
      ))}
    </svg>
  );
}
