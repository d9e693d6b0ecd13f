import type { SimHypervisor } from './fleet-model.ts';

/** Placement's MEMORY_MB reserve on every simulated host (placement-api.ts), which is not an allocation. */
const RESERVED_MB = 512;
/** How full the packed host's memory is: well past the 90 % a capacity view calls pressure. */
const PACKED_SHARE = 0.94;

/**
 * A host whose memory is nearly all allocated, so the demo always shows
 * capacity pressure: the busiest enabled, up host by allocated RAM (the
 * first of equals) gets just enough memory for ~94 % of it to be in use. Its
 * servers and every other value of the fleet stay as they were; Nova's
 * hypervisor view and Placement both read the smaller memory.
 */
export function packBusiestHost(hypervisors: readonly SimHypervisor[]): void {
  let busiest: SimHypervisor | undefined;
  for (const h of hypervisors) {
    if (h.state !== 'up' || h.status !== 'enabled' || h.memoryMbUsed <= RESERVED_MB) continue;
    if (!busiest || h.memoryMbUsed > busiest.memoryMbUsed) busiest = h;
  }
  if (!busiest) return;
  const allocated = busiest.memoryMbUsed - RESERVED_MB;
  busiest.memoryMb = RESERVED_MB + Math.ceil(allocated / PACKED_SHARE);
}
