import { Link } from 'react-router';
import { describeError } from '../../../fleet/health/describe-error.ts';
import type { TopologyNode } from '../../../fleet/topology/topology-graph.ts';
import { HEALTH_LABELS } from '../../../fleet/topology/topology-health.ts';
import { ErrorDetails } from '../../components/ErrorDetails.tsx';
import { HEALTH_PALETTE } from './health-palette.ts';
import { HostServerList } from './HostServerList.tsx';
import { NodeActions } from './NodeActions.tsx';
import { NodePressure } from './NodePressure.tsx';
import { levelName, statusLine, structureLine } from './node-text.ts';

/** The inventory filtered to where the node is (the servers view reads these parameters). */
function serversLink(node: TopologyNode): string | undefined {
  const { cloud, region, site, host } = node.place;
  if (!cloud) return undefined;
  const params = new URLSearchParams({ cloud });
  if (region) params.set('region', region);
  if (site) params.set('site', site);
  if (host) params.set('q', host);
  return `/servers?${params.toString()}`;
}

interface NodeDetailsProps {
  node: TopologyNode;
  /** A cloud's regions, for the actions that target all of them. */
  cloudRegions?: readonly string[];
  expandable: boolean;
  expanded: boolean;
  onToggle: () => void;
}

export function NodeDetails({ node, cloudRegions, expandable, expanded, onToggle }: NodeDetailsProps) {
  const link = serversLink(node);
  const lines = [structureLine(node), statusLine(node)].filter(Boolean);
  return (
    <section aria-label={`Details of ${levelName(node.level)} ${node.label}`} className="space-y-2 text-xs">
      <div>
        <p className="text-[10px] tracking-wide text-slate-500 uppercase dark:text-slate-400">{levelName(node.level)}</p>
        <h2 className="text-sm font-semibold break-all text-slate-900 dark:text-slate-100">{node.label}</h2>
        <p className="mt-0.5 flex items-center gap-1.5">
          <span aria-hidden="true" className={`h-2 w-2 rounded-full ${HEALTH_PALETTE[node.health].dot}`} />
          {HEALTH_LABELS[node.health]}
        </p>
      </div>
      {lines.map((line) => (
        <p key={line} className="text-slate-600 dark:text-slate-400">
          {line}
        </p>
      ))}
      <NodePressure node={node} />
      {node.problems.length > 0 ? (
        <ul aria-label="Problems" className="list-disc pl-4 text-red-800 dark:text-red-300">
          {node.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {node.notes.length > 0 ? (
        <ul aria-label="Notes" className="list-disc pl-4 text-slate-600 dark:text-slate-400">
          {node.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {node.errors.slice(0, 3).map((error, index) => (
        <ErrorDetails key={index} description={describeError(error)} />
      ))}
      <div className="flex flex-wrap gap-2 pt-1">
        {expandable ? (
          <button type="button" onClick={onToggle} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
            {expanded ? 'Collapse' : 'Expand'}
          </button>
        ) : null}
        {link ? (
          <Link to={link} className="rounded px-2 py-1 text-teal-800 underline hover:bg-teal-50 dark:text-teal-300 dark:hover:bg-teal-950">
            Servers here
          </Link>
        ) : null}
      </div>
      {node.level === 'host' && node.place.cloud && node.place.region && node.place.host ? (
        <HostServerList key={node.id} cloud={node.place.cloud} region={node.place.region} host={node.place.host} />
      ) : null}
      <NodeActions node={node} cloudRegions={cloudRegions} />
    </section>
  );
}
