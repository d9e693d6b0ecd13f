import { BaseEdge, useInternalNode, type Edge, type EdgeProps } from '@xyflow/react';
import type { RelationKind } from '../../../fleet/topology/topology-graph.ts';
import { relationPath } from './relation-path.ts';

export type RelationFlowEdge = Edge<{ kind: RelationKind }, 'relation'>;

/** A relation link: an arc between the right sides of its two nodes, so it runs beside the cards, not through them. */
export function RelationEdge({ source, target, sourceY, targetY, data, label, style, labelStyle, labelBgStyle, interactionWidth }: EdgeProps<RelationFlowEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!data || !sourceNode || !targetNode) return null;
  const right = (node: NonNullable<typeof sourceNode>) => node.internals.positionAbsolute.x + (node.measured.width ?? node.width ?? 0);
  const path = relationPath({ x: right(sourceNode), y: sourceY }, { x: right(targetNode), y: targetY }, data.kind);
  return (
    <BaseEdge
      path={path.d}
      labelX={path.labelX}
      labelY={path.labelY}
      label={label}
      style={style}
      labelStyle={labelStyle}
      labelBgStyle={labelBgStyle}
      labelShowBg
      interactionWidth={interactionWidth}
    />
  );
}
