import { describe, expect, it } from 'vitest';
import { parseLabJson, type LabJson } from './lab-json.ts';
import { createLabTarget } from './lab-target.ts';

/** lab.json as seed.py writes it, cut down to two clouds like the lab's. */
function labJson(unavailable: { service: string; reason: string }[] = [], change: (lab: LabJson) => void = () => {}): LabJson {
  const user = (name: string) => ({ username: name, password: `${name}-pw`, project_name: name, user_domain_name: 'Default', project_domain_name: 'Default' });
  const service = (url: string, regions: string[]) => ({ url, health_url: `${url}/`, up: true, regions });
  const a = ['RegionOne', 'RegionTwo', 'edge-1'];
  const lab = parseLabJson({
    version: 1,
    clouds: {
      'lab-a': {
        auth_url: 'http://127.0.0.1:25000/v3',
        regions: a,
        services: {
          identity: service('http://127.0.0.1:25000/v3', a),
          image: service('http://127.0.0.1:25020', a),
          compute: service('http://127.0.0.1:25040/v2.1', a),
          network: service('http://127.0.0.1:25050', a),
          placement: service('http://127.0.0.1:25030', a),
        },
        credentials: { demo: user('demo'), admin: user('admin'), application_credential: { id: 'ac-a', secret: 's-a', name: 'archipelago-lab' } },
        seeded: {
          images: ['i1', 'i2', 'i3'],
          keypairs: ['k1', 'k2'],
          sites: { central: { availability_zone: 'central', kind: 'central', hosts: ['h1'] } },
          servers: { s1: { status: 'ACTIVE', availability_zone: 'central', site: 'central' } },
          counts: { images: 3, flavors: 3, keypairs: 2, networks: 3, subnets: 3, routers: 1, security_groups: 2, floating_ips: 1, hypervisors: 3, servers: 4 },
        },
      },
      'lab-b': {
        auth_url: 'http://127.0.0.1:25010/v3',
        regions: ['RegionOne'],
        services: {
          identity: service('http://127.0.0.1:25010/v3', ['RegionOne']),
          image: service('http://127.0.0.1:25021', ['RegionOne']),
          compute: service('http://127.0.0.1:25041/v2.1', ['RegionOne']),
        },
        credentials: { demo: user('demo'), admin: user('admin'), application_credential: null },
        seeded: { images: ['b1'], keypairs: ['kb'], sites: {}, servers: {}, counts: { images: 1, flavors: 3, keypairs: 1, hypervisors: 0, servers: 0 } },
      },
    },
    unavailable,
  });
  change(lab);
  return lab;
}

const fetchNothing = () => Promise.reject(new TypeError('no network in this test'));

function cloudOf(lab: LabJson, name: string) {
  const cloud = createLabTarget(lab, fetchNothing).clouds.find((c) => c.name === name);
  if (!cloud) throw new Error(`no ${name}`);
  return cloud;
}

describe('createLabTarget', () => {
  it('signs in as each cloud’s admin, with every region and the services its catalog has', () => {
    const [a, b] = createLabTarget(labJson(), fetchNothing).clouds;
    expect(a).toMatchObject({
      name: 'lab-a',
      authUrl: 'http://127.0.0.1:25000/v3',
      user: { username: 'admin', password: 'admin-pw', userDomainName: 'Default' },
      scope: { projectName: 'admin', projectDomainName: 'Default' },
      applicationCredential: { id: 'ac-a', secret: 's-a' },
      services: ['identity', 'compute', 'network', 'image', 'placement'],
      unavailable: {},
    });
    expect(a?.regions.map((r) => r.name)).toEqual(['RegionOne', 'RegionTwo', 'edge-1']);
    expect(b?.services).toEqual(['identity', 'compute', 'image']);
  });

  it('expects the seeded counts the admin sees: none of demo’s keypairs, and no count for security groups', () => {
    expect(cloudOf(labJson(), 'lab-a').regions[1]?.counts).toEqual({
      keypairs: 0, servers: 4, flavors: 3, hypervisors: 3, networks: 3, subnets: 3, routers: 1, floatingIps: 1, images: 3,
    });
    expect(cloudOf(labJson(), 'lab-b').regions[0]?.counts).toMatchObject({ hypervisors: 0, servers: 0, images: 1 });
  });
});

describe('what lab.json’s unavailable entries take away', () => {
  it('maps a lab process to the service of its cloud, with the reason in the note', () => {
    const lab = labJson([
      { service: 'neutron', reason: 'no answer from http://127.0.0.1:25050/ within 180 s' },
      { service: 'glance-b', reason: 'exited' },
      { service: 'nova-compute-2', reason: 'exited at start' },
    ]);
    expect(cloudOf(lab, 'lab-a').unavailable).toEqual({
      network: 'neutron unavailable (no answer from http://127.0.0.1:25050/ within 180 s)',
      compute: 'nova-compute-2 unavailable (exited at start)',
    });
    expect(cloudOf(lab, 'lab-b').unavailable).toEqual({ image: 'glance-b unavailable (exited)', 'application-credential': expect.stringContaining('application credential') });
  });

  it('maps seed probes and seed steps, with or without a cloud, and ignores what the suite does not use', () => {
    const lab = labJson([
      { service: 'lab-b:compute', reason: 'http://127.0.0.1:25041/ did not answer' },
      { service: 'seed:images', reason: 'HTTPException: 500' },
      { service: 'seed:lab-a', reason: 'KeyError' },
      { service: 'oidc', reason: 'node is not installed' },
      { service: 'seed:federation', reason: 'no apache' },
    ]);
    expect(Object.keys(cloudOf(lab, 'lab-a').unavailable).sort()).toEqual(['identity', 'image']);
    expect(Object.keys(cloudOf(lab, 'lab-b').unavailable).sort()).toEqual(['application-credential', 'compute', 'image']);
  });

  it('treats a service whose health check failed as unavailable, and keeps long reasons short', () => {
    const lab = labJson([{ service: 'placement', reason: 'x'.repeat(400) }], (l) => {
      const compute = l.clouds['lab-a']?.services['compute'];
      if (compute) compute.up = false;
    });
    const { unavailable } = cloudOf(lab, 'lab-a');
    expect(unavailable.compute).toBe('lab-a:compute unavailable (http://127.0.0.1:25040/v2.1 did not answer)');
    expect(unavailable.placement?.length).toBeLessThan(200);
  });

  it('rejects a lab.json of another shape, naming the field', () => {
    expect(() => parseLabJson({ version: 1, clouds: { x: { regions: [] } }, unavailable: [] })).toThrow(/^lab\.json: clouds\.x\./);
  });
});
