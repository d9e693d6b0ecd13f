import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverSchema, type Server } from '../../openstack/index.ts';
import { toServerRow } from './server-row.ts';

/** Upstream Nova API samples, parsed by the client's own schema as the wire would be. */
function sampleServer(path: string, change: Record<string, unknown> = {}): Server {
  const text = readFileSync(new URL(`../../../../shared/openstack-api-samples/nova/servers/${path}`, import.meta.url), 'utf8');
  const [first] = (JSON.parse(text) as { servers: Record<string, unknown>[] }).servers;
  return serverSchema.parse({ ...first, ...change });
}

const PLACE = { cloud: 'ams', region: 'RegionOne' };

describe('toServerRow', () => {
  it('names the flavor by id before 2.47 (the flavor may since have been deleted)', () => {
    const row = toServerRow(sampleServer('servers-details-resp.json'), PLACE);
    expect(row).toMatchObject({ flavor: '1', status: 'ACTIVE', site: 'us-west', cloud: 'ams', region: 'RegionOne', partial: false });
    expect(row.vcpus).toBeUndefined();
    expect(row.locked).toBeUndefined();
  });

  it('takes the embedded flavor of 2.47+ with its size', () => {
    const row = toServerRow(sampleServer('v2.47/servers-details-resp.json'), PLACE);
    expect(row).toMatchObject({ flavor: 'm1.tiny.specs', vcpus: 1, ramMb: 512, diskGb: 1, host: 'compute', locked: false });
  });

  it('flattens addresses per version, keeps them per network, and lists each MAC and security group once', () => {
    const addresses = {
      private: [
        { version: 4, addr: '10.0.0.5', 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:01' },
        { version: 6, addr: '2001:db8::5', 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:01' },
        { version: 4, addr: '203.0.113.9', 'OS-EXT-IPS:type': 'floating', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:01' },
      ],
      storage: [{ version: 4, addr: '172.16.0.5', 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:02' }],
    };
    const security_groups = [{ name: 'default' }, { name: 'web' }, { name: 'default' }];
    const row = toServerRow(sampleServer('v2.47/servers-details-resp.json', { addresses, security_groups }), PLACE);
    expect(row.ipv4).toEqual(['10.0.0.5', '203.0.113.9', '172.16.0.5']);
    expect(row.ipv6).toEqual(['2001:db8::5']);
    expect(row.macs).toEqual(['fa:16:3e:00:00:01', 'fa:16:3e:00:00:02']);
    expect(row.addresses.filter((a) => a.network === 'storage')).toEqual([{ network: 'storage', addr: '172.16.0.5', version: 4, type: 'fixed' }]);
    expect(row.securityGroups).toEqual(['default', 'web']);
  });

  it('keeps a partial record from an unreachable cell as an UNKNOWN row instead of dropping it', () => {
    const server = sampleServer('v2.69/servers-details-resp.json');
    const row = toServerRow(server, PLACE);
    expect(row).toMatchObject({ partial: true, status: 'UNKNOWN', name: '', id: server.id, flavor: '', imageId: '', site: '', host: '' });
    expect(row.ipv4).toEqual([]);
  });

  it('copes with every optional field missing: no host, no security groups, boot from volume, no key', () => {
    const server = sampleServer('servers-details-resp.json', {
      image: '',
      key_name: null,
      'OS-EXT-SRV-ATTR:host': null,
      security_groups: undefined,
      addresses: {},
    });
    const row = toServerRow(server, PLACE);
    expect(row).toMatchObject({ imageId: '', keyName: '', host: '', securityGroups: [], ipv4: [], ipv6: [], macs: [] });
  });

  it('keeps a fleet-wide key and no wire object', () => {
    const row = toServerRow(sampleServer('v2.47/servers-details-resp.json', { metadata: { big: 'x'.repeat(10_000) } }), PLACE);
    expect(row.key).toBe(`ams/RegionOne/${row.id}`);
    expect(JSON.stringify(row)).not.toContain('xxxxxxxx');
    expect(JSON.stringify(row)).not.toContain('links');
  });
});
