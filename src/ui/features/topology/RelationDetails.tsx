import { Link } from 'react-router';
import type { NodeRelations, RelationExample, RelationTarget, UnknownRelations } from '../../../fleet/topology/relation-links.ts';
import type { RelationKind, TopologyGraph } from '../../../fleet/topology/topology-graph.ts';
import { Notice } from '../../components/Notice.tsx';
import type { RelationLayerChoice } from './api/relation-data.ts';
import { LINK_STYLES } from './link-styles.ts';
import { levelName } from './node-text.ts';
import { formatCount } from '../../lib/format-count.ts';

/** Targets listed per kind; the rest are counted. */
const MAX_LISTED = 10;

const HEADINGS: Record<RelationKind, string> = {
  'network-overlap': 'Network overlaps',
  'network-span': 'Networks spanning',
  'image-replica': 'Image replicas',
};

function sentence(example: RelationExample): string {
  const where = `${example.place.cloud}/${example.place.region}`;
  const network = example.network ? ` (net ${example.network})` : '';
  if (example.kind === 'image-replica') return `${example.mine || 'An unnamed image'} also in ${where}`;
  if (example.kind === 'network-span') return `Spans ${example.mine} with ${where}${network}`;
  const other = example.other === example.mine ? '' : ` ${example.other}`;
  return `Overlaps ${example.mine} with ${where}${other}${network}`;
}

/** Where the inventory shows both sides: the CIDR in /networks, the image's name in /images. */
function inventoryLink(example: RelationExample): { to: string; label: string } {
  if (example.kind === 'image-replica') return { to: `/images?${new URLSearchParams({ q: example.mine })}`, label: `Images named ${example.mine}` };
  return { to: `/networks?${new URLSearchParams({ q: example.mine })}`, label: `Networks with ${example.mine}` };
}

function TargetItem({ target, graph }: { target: RelationTarget; graph: TopologyGraph }) {
  const node = graph.byId.get(target.nodeId);
  const more = target.count - target.examples.length;
  return (
    <li className="space-y-0.5">
      {node && node.level !== 'region' ? (
        <p className="font-medium text-slate-700 dark:text-slate-300">
          {levelName(node.level)} {node.label}: {formatCount(target.count)}
        </p>
      ) : null}
      <ul className="space-y-0.5">
        {target.examples.map((example, index) => {
          const link = inventoryLink(example);
          return (
            <li key={index} className="break-words">
              {sentence(example)}{' '}
              <Link to={link.to} aria-label={link.label} className="text-teal-800 underline dark:text-teal-300">
                inventory
              </Link>
            </li>
          );
        })}
        {more > 0 ? <li className="text-slate-500 dark:text-slate-400">and {formatCount(more)} more</li> : null}
      </ul>
    </li>
  );
}

function UnknownNote({ what, unknown }: { what: string; unknown: UnknownRelations | undefined }) {
  if (!unknown) return null;
  return (
    <>
      {unknown.mine.length > 0 ? (
        <Notice tone="warning" title={`${what} unknown here`}>
          {unknown.mine.join('; ')}: its {what.toLowerCase()} could not be compared, which is not the same as none.
        </Notice>
      ) : null}
      {unknown.others > 0 ? (
        <p className="text-amber-800 dark:text-amber-300">
          {what} of {formatCount(unknown.others)} other {unknown.others === 1 ? 'region or cloud' : 'regions or clouds'} not loaded (still loading or
          failing): relations with {unknown.others === 1 ? 'it' : 'them'} are unknown.
        </p>
      ) : null}
    </>
  );
}

/** The selected node's relations (what its dashed links stand for), with links into the inventories. */
export function RelationDetails({
  graph,
  selectedId,
  relations,
  choice,
}: {
  graph: TopologyGraph;
  selectedId: string | undefined;
  relations: NodeRelations | undefined;
  choice: RelationLayerChoice;
}) {
  if (!choice.networks && !choice.images) return null;
  if (!relations) {
    if (selectedId === undefined) {
      return <p className="text-xs text-slate-500 dark:text-slate-400">Select a cloud or region to draw its relations to the rest of the fleet.</p>;
    }
    return <p className="text-xs text-slate-500 dark:text-slate-400">Relations are drawn for the selected cloud or region (or the region of a cell, site or host).</p>;
  }
  const anchor = graph.byId.get(relations.anchorId);
  const kinds: RelationKind[] = [...(choice.networks ? (['network-overlap', 'network-span'] as const) : []), ...(choice.images ? (['image-replica'] as const) : [])];
  return (
    <section aria-label="Relations" className="space-y-2 text-xs">
      <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">Relations</h2>
      {anchor && anchor.id !== selectedId ? (
        <p className="text-slate-600 dark:text-slate-400">
          Of {levelName(anchor.level)} {anchor.label}, which holds the networks and images, to the other nodes in view.
        </p>
      ) : null}
      {choice.networks ? <UnknownNote what="Networks" unknown={relations.unknown.networks} /> : null}
      {choice.images ? <UnknownNote what="Images" unknown={relations.unknown.images} /> : null}
      {kinds.map((kind) => {
        const targets = relations.targets.filter((target) => target.kind === kind);
        const hidden = Math.max(0, targets.length - MAX_LISTED);
        return (
          <div key={kind}>
            <h3 className="mb-1 flex items-center gap-1.5 font-medium text-slate-700 dark:text-slate-300">
              <span aria-hidden="true" className={`inline-block w-5 border-t-2 ${LINK_STYLES[kind].sample}`} />
              {HEADINGS[kind]} ({formatCount(targets.length)})
            </h3>
            {targets.length === 0 ? (
              <p className="text-slate-500 dark:text-slate-400">None with the data loaded.</p>
            ) : (
              <ul aria-label={HEADINGS[kind]} className="space-y-1.5 text-slate-700 dark:text-slate-300">
                {targets.slice(0, MAX_LISTED).map((target) => (
                  <TargetItem key={target.nodeId} target={target} graph={graph} />
                ))}
              </ul>
            )}
            {hidden > 0 || relations.notDrawn[kind] > 0 ? (
              <p className="text-slate-500 dark:text-slate-400">
                {hidden > 0 ? `${formatCount(hidden)} more not listed. ` : ''}
                {relations.notDrawn[kind] > 0 ? `${formatCount(relations.notDrawn[kind])} not drawn: only the ${formatCount(targets.length - relations.notDrawn[kind])} most shared are.` : ''}
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
