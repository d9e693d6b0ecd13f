import type { QuotaSet } from '../../openstack/index.ts';
import { meterOf, pressureOf, type Meter } from './capacity-pressure.ts';

/** The quotas the capacity view shows; floating IPs and security groups only where Nova still proxies them (before 2.36). */
export const QUOTA_RESOURCES = ['instances', 'cores', 'ram', 'floating_ips', 'security_groups'] as const;
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

/** One project's Nova quota usage in one region of one cloud. */
export interface QuotaUsageRow {
  key: string;
  cloud: string;
  region: string;
  projectId: string;
  /** '' when only the id is known. */
  projectName: string;
  meters: Partial<Record<QuotaResource, Meter>>;
  pressure?: number;
}

export interface QuotaPlace {
  cloud: string;
  region: string;
  projectName: string;
}

export function toQuotaUsageRow(quota: QuotaSet, place: QuotaPlace): QuotaUsageRow {
  const meters: Partial<Record<QuotaResource, Meter>> = {};
  for (const resource of QUOTA_RESOURCES) {
    const detail = quota[resource];
    // Reserved is usage a build in flight has claimed: it counts against the limit as in_use does.
    if (detail) meters[resource] = meterOf(detail.in_use + detail.reserved, detail.limit);
  }
  return {
    key: `${place.cloud}/${place.region}/${quota.id}`,
    cloud: place.cloud,
    region: place.region,
    projectId: quota.id,
    projectName: place.projectName,
    meters,
    pressure: pressureOf(Object.values(meters)),
  };
}
