import { describe, expect, it } from 'vitest';
import { OpenStackError, type CloudSession, type Server } from '../../openstack/index.ts';
import { loadCloudServers, loadProjectsServers, mergeRefresh, rowsOf, type CloudServers, type ServersSource } from './load-servers.ts';

const server = (id: string): Server => ({
  id,
  name: `vm-${id}`,
  status: 'ACTIVE',
  tenant_id: 'p',
  user_id: 'u',
  created: '2024-01-01T00:00:00Z',
  updated: '2024-01-01T00:00:00Z',
  hostId: '',
  addresses: {},
  flavor: { id: '1' },
  image: '',
  key_name: null,
  metadata: {},
  'OS-EXT-AZ:availability_zone': 'nova',
  'OS-EXT-STS:vm_state': 'active',
  'OS-EXT-STS:task_state': null,
  'OS-EXT-STS:power_state': 1,
  'os-extended-volumes:volumes_attached': [],
});

type Script = Record<string, Array<Server[] | Error>>;

/** A cloud whose regions give the scripted pages, or throw where the script has an error. */
function fakeSource(script: Script, roles = ['admin']): ServersSource & { allTenants: boolean[] } {
  const allTenants: boolean[] = [];
  const session = { roles } as CloudSession;
  return {
    cloud: 'ams',
    allTenants,
    session: () => undefined,
    signIn: async () => session,
    regions: () => Object.keys(script),
    async compute(region) {
      return {
        async *servers(options) {
          allTenants.push(options?.allTenants ?? false);
          for (const step of script[region] ?? []) {
            await Promise.resolve();
            if (step instanceof Error) throw step;
            yield step;
          }
        },
      };
    },
  };
}

const ids = (cloud: CloudServers, region: string) => cloud.regions.find((r) => r.region === region)?.rows.map((row) => row.id);

describe('loadCloudServers', () => {
  it('reads every page of every region', async () => {
    const result = await loadCloudServers(fakeSource({ one: [[server('a'), server('b')], [server('c')], []], two: [[server('d')]] }), { now: () => 42 });
    expect(ids(result, 'one')).toEqual(['a', 'b', 'c']);
    expect(ids(result, 'two')).toEqual(['d']);
    expect(result.regions.every((region) => region.state === 'ok' && region.complete && region.loadedAt === 42)).toBe(true);
    expect(rowsOf(result).map((row) => row.key)).toEqual(['ams/one/a', 'ams/one/b', 'ams/one/c', 'ams/two/d']);
  });

  it('reports progress after each page, so rows of one region show while another still loads', async () => {
    const seen: string[] = [];
    await loadCloudServers(fakeSource({ one: [[server('a')], [server('b')]], two: [[server('c')]] }), {
      onProgress: (snapshot) => seen.push(snapshot.regions.map((r) => `${r.region}:${r.state}:${r.rows.length}`).join(' ')),
    });
    expect(seen[0]).toBe('one:loading:1 two:loading:0');
    expect(seen).toContain('one:loading:1 two:ok:1');
    expect(seen.at(-1)).toBe('one:ok:2 two:ok:1');
  });

  it('keeps a dead region’s error and what it gave, and the other region’s rows', async () => {
    const boom = new OpenStackError('down', { kind: 'network', cloud: 'ams', region: 'two' });
    const result = await loadCloudServers(fakeSource({ one: [[server('a')]], two: [[server('b')], boom] }));
    expect(result.regions.map((r) => [r.region, r.state, r.complete])).toEqual([
      ['one', 'ok', true],
      ['two', 'failed', false],
    ]);
    expect(result.regions[1]?.error).toBe(boom);
    expect(ids(result, 'two')).toEqual(['b']);
  });

  it('asks for every project only when the user is an admin', async () => {
    const admin = fakeSource({ one: [[]] });
    const member = fakeSource({ one: [[]] }, ['member', 'reader']);
    await loadCloudServers(admin);
    await loadCloudServers(member);
    expect([admin.allTenants, member.allTenants]).toEqual([[true], [false]]);
  });

  it('fails the whole cloud when sign-in fails', async () => {
    const source = fakeSource({ one: [] });
    source.signIn = () => Promise.reject(new OpenStackError('no', { kind: 'unauthorized', cloud: 'ams' }));
    await expect(loadCloudServers(source)).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});

describe('loadProjectsServers', () => {
  it('lists each project\'s own servers through its token, even as an admin, each row and region naming its project', async () => {
    const demo = fakeSource({ one: [[server('d')]] });
    const ops = fakeSource({ one: [[server('o')]] });
    const result = await loadProjectsServers([
      { project: { id: 'p-demo', name: 'demo' }, client: demo },
      { project: { id: 'p-ops', name: 'ops' }, client: ops },
    ]);
    expect([demo.allTenants, ops.allTenants]).toEqual([[false], [false]]);
    expect(result.regions.map((region) => `${region.project?.name}/${region.region}`)).toEqual(['demo/one', 'ops/one']);
    expect(rowsOf(result).map((row) => `${row.id}:${row.project}`)).toEqual(['d:demo', 'o:ops']);
  });

  it('reports a project that cannot sign in beside the others\' rows', async () => {
    const refused = new OpenStackError('no role', { kind: 'unauthorized', cloud: 'ams' });
    const ops = fakeSource({ one: [] });
    ops.signIn = () => Promise.reject(refused);
    const result = await loadProjectsServers([
      { project: { id: 'p-demo', name: 'demo' }, client: fakeSource({ one: [[server('d')]] }) },
      { project: { id: 'p-ops', name: 'ops' }, client: ops },
    ]);
    expect(rowsOf(result).map((row) => row.id)).toEqual(['d']);
    expect(result.failedProjects).toEqual([{ project: { id: 'p-ops', name: 'ops' }, error: refused }]);
  });
});

describe('mergeRefresh', () => {
  const rows = (list: string[]) => list.map((id) => ({ id }) as never);
  const previous: CloudServers = {
    cloud: 'ams',
    regions: [
      { region: 'one', state: 'ok', rows: rows(['a', 'b']), complete: true, loadedAt: 1 },
      { region: 'two', state: 'ok', rows: rows(['c']), complete: true, loadedAt: 1 },
      { region: 'three', state: 'failed', rows: rows(['x']), complete: false, error: 'old' },
    ],
  };

  it('keeps old rows of regions still loading, shows fresh ones where done, and old rows beside a new failure', () => {
    const next: CloudServers = {
      cloud: 'ams',
      regions: [
        { region: 'one', state: 'loading', rows: rows(['a']), complete: false },
        { region: 'two', state: 'failed', rows: [], complete: false, error: 'boom' },
        { region: 'three', state: 'loading', rows: rows(['y']), complete: false },
      ],
    };
    const merged = mergeRefresh(previous, next);
    expect(merged.regions.map((r) => [r.region, r.state, r.rows.map((row) => row.id).join('')])).toEqual([
      ['one', 'loading', 'ab'],
      ['two', 'failed', 'c'],
      ['three', 'loading', 'y'],
    ]);
    expect(merged.regions[1]).toMatchObject({ error: 'boom', loadedAt: 1 });
  });

  it('is the new load when there was nothing before', () => {
    const next: CloudServers = { cloud: 'ams', regions: [] };
    expect(mergeRefresh(undefined, next)).toBe(next);
  });
});
