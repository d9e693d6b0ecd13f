import { describe, expect, it } from 'vitest';
import type { ListServersOptions, Server } from '../../openstack/index.ts';
import { HOST_SERVERS_PAGE, loadHostServers, type HostServersSource } from './host-servers.ts';

const server = (id: string, name: string, host: string | null, status = 'ACTIVE') => ({ id, name, status, 'OS-EXT-SRV-ATTR:host': host }) as unknown as Server;

function source(pages: Server[][], calls: ListServersOptions[] = []): HostServersSource {
  return {
    session: () => undefined,
    signIn: async () => ({}) as never,
    compute: async () => ({
      async *servers(options?: ListServersOptions) {
        calls.push(options ?? {});
        for (const page of pages) yield page;
      },
    }),
  };
}

describe('loadHostServers', () => {
  it('asks Nova for the host across projects and keeps only what runs there, by name', async () => {
    const calls: ListServersOptions[] = [];
    const result = await loadHostServers(source([[server('2', 'web-10', 'cmp-1'), server('1', 'web-2', 'cmp-1', 'ERROR'), server('3', 'db', 'cmp-2')]], calls), 'RegionOne', 'cmp-1');
    expect(calls).toEqual([{ allTenants: true, host: 'cmp-1', pageSize: HOST_SERVERS_PAGE, signal: undefined }]);
    expect(result).toEqual({ servers: [{ id: '1', name: 'web-2', status: 'ERROR' }, { id: '2', name: 'web-10', status: 'ACTIVE' }], truncated: false });
  });

  it('reads one page only, and says when there were more', async () => {
    const full = Array.from({ length: HOST_SERVERS_PAGE }, (_, index) => server(String(index), `vm-${index}`, 'cmp-1'));
    const result = await loadHostServers(source([full, [server('x', 'late', 'cmp-1')]]), 'RegionOne', 'cmp-1');
    expect(result.servers).toHaveLength(HOST_SERVERS_PAGE);
    expect(result.truncated).toBe(true);
  });

  it('lists nothing for a role Nova ignores the host filter for: its servers carry no host', async () => {
    expect(await loadHostServers(source([[server('1', 'mine', null)]]), 'RegionOne', 'cmp-1')).toEqual({ servers: [], truncated: false });
  });
});
