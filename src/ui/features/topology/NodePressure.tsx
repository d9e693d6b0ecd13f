import { CAPACITY_PRESSURE_PERCENT, type PlacementMeter } from '../../../fleet/topology/capacity-pressure.ts';
import type { TopologyNode } from '../../../fleet/topology/topology-graph.ts';
import { MeterCell } from '../capacity/MeterCell.tsx';
import { pressureSummary } from './pressure-text.ts';

const UNITS: Record<PlacementMeter['resourceClass'], string> = { VCPU: '', MEMORY_MB: ' MB', DISK_GB: ' GB' };

/** A host's Placement usage per resource class; for the levels above, how many of their hosts are under pressure. */
export function NodePressure({ node }: { node: TopologyNode }) {
  if (node.level !== 'host') {
    const summary = pressureSummary(node);
    if (!summary) return null;
    return (
      <p className="text-orange-800 dark:text-orange-300">
        {summary} (≥ {CAPACITY_PRESSURE_PERCENT} % of a Placement resource class)
      </p>
    );
  }
  if (!node.placement) return null;
  return (
    <div>
      <h3 className="mb-1 text-[10px] tracking-wide text-slate-500 uppercase dark:text-slate-400">Capacity (Placement)</h3>
      {node.placement.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No VCPU, MEMORY_MB or DISK_GB inventory.</p>
      ) : (
        <ul aria-label="Placement capacity" className="space-y-1.5">
          {node.placement.map((meter) => (
            <li key={meter.resourceClass} aria-label={`${meter.resourceClass}: ${meter.percent} %`}>
              <span className={`text-[11px] ${meter.percent >= CAPACITY_PRESSURE_PERCENT ? 'font-semibold text-orange-800 dark:text-orange-300' : 'text-slate-600 dark:text-slate-400'}`}>
                {meter.resourceClass}
              </span>
              <MeterCell meter={{ used: meter.used, limit: meter.capacity, percent: meter.percent }} unit={UNITS[meter.resourceClass]} />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-[11px] text-slate-500 dark:text-slate-400">Used against (total − reserved) × allocation ratio; {CAPACITY_PRESSURE_PERCENT} % or more is pressure.</p>
    </div>
  );
}
