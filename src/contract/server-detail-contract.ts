import { describe, expect } from 'vitest';
import { listInstanceActions, listVolumeAttachments, type InstanceAction, type ServiceHttp } from '../openstack/index.ts';
import { itNeeds } from './client-contract.ts';
import { contractClient, failureOf } from './contract-client.ts';
import type { ContractTarget } from './contract-target.ts';

/** No Nova cloud has this server: a valid UUID, so the 404 is about existence, not format. */
const UNKNOWN_SERVER = '00000000-0000-4000-8000-00000000c0de';

async function allActions(compute: ServiceHttp, serverId: string, pageSize?: number): Promise<InstanceAction[][]> {
  const pages: InstanceAction[][] = [];
  for await (const page of listInstanceActions(compute, serverId, { pageSize })) pages.push(page);
  return pages;
}

/**
 * What the server detail panel reads beyond the listing, against each
 * backend: a server's volume attachments and its action log. Read-only, so
 * it runs on the seeded servers.
 */
export function describeServerDetailContract(target: ContractTarget): void {
  describe(`server detail reads (${target.name})`, () => {
    for (const cloud of target.clouds) {
      if (!cloud.services.includes('compute')) continue;
      const region = cloud.regions.find((r) => (r.counts.servers ?? 0) > 0);
      if (!region) continue;
      itNeeds(cloud, ['compute'], `${cloud.name}/${region.name}: a server's volume attachments and action log, paged; 404 for an unknown server`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const compute = await client.serviceHttp('compute', region.name);
        const first = await (await client.compute(region.name)).servers({ allTenants: true, pageSize: 1 })[Symbol.asyncIterator]().next();
        const server = first.done ? undefined : first.value[0];
        expect(server).toBeDefined();
        const serverId = server?.id ?? '';

        const attachments = await listVolumeAttachments(compute, serverId);
        for (const attachment of attachments) {
          expect(attachment.volumeId).toBeTruthy();
          expect(attachment.serverId ?? serverId).toBe(serverId);
        }

        const whole = (await allActions(compute, serverId)).flat();
        const small = await allActions(compute, serverId, 1);
        expect(small.flat().map((a) => a.request_id)).toEqual(whole.map((a) => a.request_id));
        expect(whole.map((a) => a.action)).toContain('create');
        for (const action of whole) {
          expect(action.request_id).toMatch(/^req-/);
          expect(action.instance_uuid ?? serverId).toBe(serverId);
          expect(Number.isNaN(Date.parse(`${action.start_time}Z`))).toBe(false);
        }
        const starts = whole.map((a) => a.start_time);
        expect(starts).toEqual([...starts].sort().reverse());

        expect(await failureOf(listVolumeAttachments(compute, UNKNOWN_SERVER))).toMatchObject({ kind: 'not-found', status: 404 });
        expect(await failureOf(allActions(compute, UNKNOWN_SERVER))).toMatchObject({ kind: 'not-found', status: 404 });
      });
    }
  });
}
