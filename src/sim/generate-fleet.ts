import type { CloudLayout } from './fleet-layout.ts';
import { layoutFleet } from './fleet-layout.ts';
import type {
  JsonObject,
  SimAggregate,
  SimFlavor,
  SimHypervisor,
  SimIdentity,
  SimKeypair,
  SimQuota,
  SimRegion,
  SimServer,
  SimServerStatus,
  SimService,
} from './fleet-model.ts';
import type { FleetSpec } from './fleet-spec.ts';
import { packBusiestHost } from './packed-hosts.ts';
import type { Prng } from './prng.ts';
import { createPrng, deriveSeed } from './prng.ts';

/**
 * Pure, deterministic fleet generation. Each cloud's identity and each
 * cloud-region's inventory come from their own PRNG stream (seed + names), so
 * they can be generated lazily, in any order, and still be identical.
 */
export interface FleetModel {
  spec: FleetSpec;
  clouds: CloudLayout[];
  identity(cloudIndex: number): SimIdentity;
  region(cloudIndex: number, region: string): SimRegion;
}

export function generateFleet(spec: FleetSpec): FleetModel {
  const clouds = layoutFleet(spec);
  const identities = new Map<number, SimIdentity>();
  const regions = new Map<string, SimRegion>();
  const identity = (i: number): SimIdentity => {
    let id = identities.get(i);
    if (!id) {
      const layout = clouds[i];
      if (!layout) throw new RangeError(`no cloud #${i}`);
      id = generateIdentity(spec, layout);
      identities.set(i, id);
    }
    return id;
  };
  return {
    spec,
    clouds,
    identity,
    region(i, name) {
      const key = `${i}/${name}`;
      let r = regions.get(key);
      if (!r) {
        const layout = clouds[i];
        if (!layout || !layout.regions.includes(name)) throw new RangeError(`no region ${name} in cloud #${i}`);
        r = generateRegion(spec, layout, identity(i), name);
        regions.set(key, r);
      }
      return r;
    },
  };
}

/** The sign-in every simulated cloud accepts (documented in README.md). */
export const SIM_USERNAME = 'admin';
export const SIM_PROJECT = 'demo';
export function simPassword(cloud: string): string {
  return `secret-${cloud}`;
}

/** The services each region publishes in the catalog, and their path below `/<region>`. */
export const CATALOG_SERVICES = [
  { type: 'identity', name: 'keystone', path: '' },
  { type: 'compute', name: 'nova', path: 'compute/v2.1' },
  { type: 'network', name: 'neutron', path: 'network' },
  { type: 'image', name: 'glance', path: 'image' },
  { type: 'placement', name: 'placement', path: 'placement' },
] as const;
export const INTERFACES = ['public', 'internal', 'admin'] as const;

const EXTRA_PROJECTS = ['ops', 'analytics', 'web', 'ml', 'billing', 'ci'] as const;

export function generateIdentity(spec: FleetSpec, layout: CloudLayout): SimIdentity {
  const rng = createPrng(deriveSeed(spec.seed, 'identity', layout.name));
  const project = (name: string, description: string) => ({ id: rng.hex(32), name, description });
  const projects = [project('admin', 'Bootstrap project for initializing the cloud.'), project(SIM_PROJECT, 'Demo workloads')];
  const extras = rng.int(1, 2);
  const start = rng.int(0, EXTRA_PROJECTS.length - 1);
  for (let i = 0; i < extras; i++) {
    const name = EXTRA_PROJECTS[(start + i) % EXTRA_PROJECTS.length] as string;
    projects.push(project(name, `${name} team`));
  }
  const all = projects.map((_, i) => i);
  const users = [
    { id: rng.hex(32), name: SIM_USERNAME, password: simPassword(layout.name), projects: all, admin: true },
    // A member of its own project and the first team's: a non-admin who sees several projects, each only through its own token.
    { id: rng.hex(32), name: 'demo', password: simPassword(layout.name), projects: [1, 2], admin: false },
  ];
  const roles = { admin: rng.hex(32), member: rng.hex(32), reader: rng.hex(32) };
  const perService = layout.regions.length * INTERFACES.length;
  const services = CATALOG_SERVICES.map((s) => ({
    id: rng.hex(32),
    type: s.type,
    name: s.name,
    path: s.path,
    endpointIds: Array.from({ length: perService }, () => rng.hex(32)),
  }));
  return {
    cloud: layout.name,
    kind: layout.kind,
    regions: layout.regions,
    sites: layout.sites,
    projects,
    users,
    roles,
    appCredential: { id: rng.hex(32), name: 'archipelago', secret: `${rng.hex(8)}-${rng.hex(24)}`, userIndex: 0, projectIndex: 1 },
    services,
  };
}

const EPOCH = Date.UTC(2023, 0, 1);
const SPAN = Date.UTC(2025, 5, 1) - EPOCH;

function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function randomTime(rng: Prng): number {
  return EPOCH + Math.floor(rng.next() * SPAN);
}

const BASE_FLAVORS: readonly Omit<SimFlavor, 'description' | 'extraSpecs' | 'isPublic'>[] = [
  { id: '1', name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1, ephemeral: 0, swap: 0 },
  { id: '2', name: 'm1.small', vcpus: 1, ram: 2048, disk: 20, ephemeral: 0, swap: 0 },
  { id: '3', name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40, ephemeral: 0, swap: 0 },
  { id: '4', name: 'm1.large', vcpus: 4, ram: 8192, disk: 80, ephemeral: 0, swap: 0 },
  { id: '5', name: 'm1.xlarge', vcpus: 8, ram: 16384, disk: 160, ephemeral: 0, swap: 0 },
];

/**
 * A site cloud's position among the site clouds (0 for the first), -1 for
 * other kinds. The drift every fleet with enough sites shows hangs on it, so
 * it never depends on the seed: the 1st site's debian-12 is another build and
 * its `web` group takes HTTPS from 10.0.0.0/8 only, the 2nd lacks the
 * `deploy-2024` key pair and its m1.xlarge the `hw:mem_page_size` extra
 * spec, the 3rd has a resized m1.large.
 */
function siteOrdinal(spec: FleetSpec, layout: CloudLayout): number {
  return layout.kind === 'site' ? layout.index - spec.regional.clouds : -1;
}

/** Extra specs every cloud's base flavor of that name carries. */
const BASE_EXTRA_SPECS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'm1.xlarge': { 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': 'large' },
};

function flavorsFor(layout: CloudLayout, rng: Prng, site: number): SimFlavor[] {
  const flavors: SimFlavor[] = BASE_FLAVORS.map((f) => ({ ...f, isPublic: true, description: null, extraSpecs: { ...BASE_EXTRA_SPECS[f.name] } }));
  // Drift a flavor parity run fixes in place: the 2nd site's m1.xlarge lacks its huge pages.
  if (site === 1) delete flavors[4]?.extraSpecs['hw:mem_page_size'];
  // Drift that parity views should surface: a cloud whose m1.large was resized by hand.
  if (layout.kind === 'site' && (rng.chance(0.25) || site === 2)) {
    const large = flavors[3];
    if (large) large.ram = 12288;
  }
  if (layout.kind === 'regional') {
    flavors.push({
      id: rng.uuid(), name: 'g1.large', vcpus: 8, ram: 32768, disk: 100, ephemeral: 0, swap: 0, isPublic: false,
      description: 'GPU flavor', extraSpecs: { 'pci_passthrough:alias': 'a100:1', 'hw:cpu_policy': 'dedicated' },
    });
  }
  if (layout.kind === 'site' && rng.chance(0.5)) {
    flavors.push({
      id: rng.uuid(), name: 'c1.compute', vcpus: 8, ram: 8192, disk: 40, ephemeral: 0, swap: 0, isPublic: true,
      description: 'CPU optimized', extraSpecs: { 'hw:cpu_policy': 'dedicated' },
    });
  }
  if (layout.kind === 'edge') {
    flavors.push({
      id: rng.uuid(), name: 'e1.small', vcpus: 1, ram: 1024, disk: 10, ephemeral: 0, swap: 1024, isPublic: true,
      description: 'Edge appliance', extraSpecs: { 'hw:mem_page_size': 'large' },
    });
  }
  return flavors;
}

interface ImageDef {
  name: string;
  size: number;
  distro: string;
  version: string;
  minDisk: number;
  minRam: number;
  /** Probability that a cloud-region has this image at all. */
  presence: number;
}

const IMAGE_DEFS: readonly ImageDef[] = [
  { name: 'cirros-0.6.2-x86_64-disk', size: 21430272, distro: 'cirros', version: '0.6.2', minDisk: 0, minRam: 0, presence: 1 },
  { name: 'ubuntu-24.04', size: 612368384, distro: 'ubuntu', version: '24.04', minDisk: 10, minRam: 512, presence: 1 },
  { name: 'debian-12', size: 408289280, distro: 'debian', version: '12', minDisk: 8, minRam: 512, presence: 1 },
  { name: 'rocky-9.4', size: 1053097984, distro: 'rocky', version: '9.4', minDisk: 10, minRam: 1024, presence: 0.5 },
];

function imageDigests(name: string, build: string): { checksum: string; hash: string } {
  // Same image file → same digests in every cloud, which is what parity views compare.
  const rng = createPrng(deriveSeed(0, 'image', name, build));
  return { checksum: rng.hex(32), hash: rng.hex(128) };
}

function glanceImage(
  rng: Prng,
  def: ImageDef,
  owner: string,
  visibility: 'public' | 'private',
  build: string,
): JsonObject {
  const id = rng.uuid();
  const created = randomTime(rng);
  const { checksum, hash } = imageDigests(def.name, build);
  return {
    status: 'active',
    name: def.name,
    tags: [],
    container_format: 'bare',
    created_at: isoTime(created),
    disk_format: 'qcow2',
    updated_at: isoTime(created + 600_000),
    visibility,
    self: `/v2/images/${id}`,
    min_disk: def.minDisk,
    protected: false,
    id,
    file: `/v2/images/${id}/file`,
    checksum,
    os_hash_algo: 'sha512',
    os_hash_value: hash,
    os_hidden: false,
    owner,
    size: def.size,
    min_ram: def.minRam,
    schema: '/v2/schemas/image',
    virtual_size: def.size * 4,
    os_distro: def.distro,
    os_version: def.version,
    hw_disk_bus: 'virtio',
  };
}

const KEYPAIR_NAMES = ['ops-key', 'deploy-2024', 'ci-runner'] as const;

function keypair(name: string): SimKeypair {
  const rng = createPrng(deriveSeed(0, 'keypair', name));
  const fingerprint = Array.from({ length: 16 }, () => rng.hex(2)).join(':');
  // Well-formed, as real Nova requires on import: the type and 32 key bytes, each length-prefixed (RFC 8709).
  const keyBytes = (rng.hex(64).match(/../g) ?? []).map((byte) => parseInt(byte, 16));
  const blob = btoa(String.fromCharCode(0, 0, 0, 11, ...[...'ssh-ed25519'].map((c) => c.charCodeAt(0)), 0, 0, 0, 32, ...keyBytes));
  return { name, fingerprint, publicKey: `ssh-ed25519 ${blob} ${name}@archipelago\n`, type: 'ssh' };
}

function mac(rng: Prng): string {
  return `fa:16:3e:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}`;
}

function ipInSubnet(base: readonly number[], prefix: number, offset: number): string {
  const hostBits = 32 - prefix;
  const capacity = 2 ** hostBits - 12;
  const host = 10 + (offset % capacity);
  const n = (((base[0] ?? 0) << 24) >>> 0) + ((base[1] ?? 0) << 16) + ((base[2] ?? 0) << 8) + host;
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

interface RegionContext {
  spec: FleetSpec;
  layout: CloudLayout;
  identity: SimIdentity;
  region: string;
  rng: Prng;
}

function hypervisorsFor(ctx: RegionContext, serverCount: number): { hypervisors: SimHypervisor[]; cells: string[]; azs: string[] } {
  const { layout, rng, region } = ctx;
  const hypervisors: SimHypervisor[] = [];
  const cellCount = layout.kind === 'regional' ? ctx.spec.cells : 1;
  const cells = ['cell0', ...Array.from({ length: cellCount }, (_, i) => `cell${i + 1}`)];
  const add = (hostname: string, cell: number, az: string, big: boolean): void => {
    const vcpus = big ? rng.pick([32, 48, 64]) : rng.pick([8, 16]);
    const id = hypervisors.length + 1;
    const down = rng.chance(0.03);
    const disabled = !down && rng.chance(0.03);
    hypervisors.push({
      id, uuid: rng.uuid(), hostname, hostIp: `192.168.${cell * 16 + Math.floor(id / 250)}.${(id % 250) + 2}`, cell, az,
      vcpus, memoryMb: vcpus * 4096, localGb: big ? rng.pick([960, 1920, 3840]) : 480,
      vcpusUsed: 0, memoryMbUsed: 512, localGbUsed: 0, runningVms: 0, building: 0,
      serviceId: 0, serviceUuid: '', state: down ? 'down' : 'up', status: disabled ? 'disabled' : 'enabled',
      disabledReason: disabled ? 'maintenance' : null, cpuModel: rng.pick(['Cascadelake-Server', 'Icelake-Server', 'EPYC-Milan']),
      generation: 1,
    });
  };
  if (layout.kind === 'edge') {
    for (const site of layout.sites) {
      const n = rng.int(1, 2);
      for (let k = 1; k <= n; k++) add(`${site}-cmp-${k}`, 1, site, false);
    }
    return { hypervisors, cells, azs: [...layout.sites] };
  }
  const azs = layout.kind === 'regional' ? ['a', 'b', 'c'].map((s) => `${region}${s}`) : ['nova'];
  const stem = layout.kind === 'regional' ? region : layout.name;
  const perCell = Math.max(2, Math.ceil(serverCount / 10 / cellCount));
  for (let c = 1; c <= cellCount; c++) {
    for (let h = 1; h <= perCell; h++) {
      add(`cmp-${stem}-c${c}-${String(h).padStart(3, '0')}`, c, azs[(h - 1) % azs.length] as string, true);
    }
  }
  return { hypervisors, cells, azs };
}

function servicesFor(ctx: RegionContext, hypervisors: SimHypervisor[], cellCount: number): SimService[] {
  const { rng, layout, region } = ctx;
  const services: SimService[] = [];
  const updated = isoTime(EPOCH + SPAN);
  const add = (binary: string, host: string, zone: string, cell: number, state: 'up' | 'down', status: 'enabled' | 'disabled', reason: string | null): SimService => {
    const s: SimService = { id: services.length + 1, uuid: rng.uuid(), binary, host, zone, cell, state, status, disabledReason: reason, updatedAt: updated };
    services.push(s);
    return s;
  };
  const stem = layout.kind === 'regional' ? region : layout.name;
  const controllers = layout.kind === 'regional' ? 3 : 1;
  for (let i = 1; i <= controllers; i++) {
    const host = `ctl-${stem}-${i}`;
    add('nova-scheduler', host, 'internal', 0, 'up', 'enabled', null);
    for (let c = 1; c <= cellCount; c++) add('nova-conductor', cellCount > 1 ? `${host}-cell${c}` : host, 'internal', c, 'up', 'enabled', null);
  }
  for (const h of hypervisors) {
    const s = add('nova-compute', h.hostname, h.az, h.cell, h.state, h.status, h.disabledReason);
    h.serviceId = s.id;
    h.serviceUuid = s.uuid;
  }
  return services;
}

function aggregatesFor(ctx: RegionContext, hypervisors: SimHypervisor[], azs: string[], cellCount: number): SimAggregate[] {
  const { rng, layout } = ctx;
  const aggregates: SimAggregate[] = [];
  const add = (name: string, az: string | null, hosts: string[], metadata: Record<string, string>): void => {
    aggregates.push({ id: aggregates.length + 1, uuid: rng.uuid(), name, az, hosts, metadata, createdAt: isoTime(randomTime(rng)) });
  };
  if (layout.kind !== 'site') {
    for (const az of azs) {
      add(layout.kind === 'edge' ? az : `az-${az}`, az, hypervisors.filter((h) => h.az === az).map((h) => h.hostname), { availability_zone: az });
    }
  }
  if (layout.kind === 'regional' && cellCount > 1) {
    for (let c = 1; c <= cellCount; c++) add(`cell${c}`, null, hypervisors.filter((h) => h.cell === c).map((h) => h.hostname), { cell: `cell${c}` });
  }
  if (layout.kind === 'site') {
    add('ssd', null, hypervisors.filter((_, i) => i % 2 === 0).map((h) => h.hostname), { ssd: 'true' });
  }
  return aggregates;
}

interface NetPlan {
  network: JsonObject;
  subnetId: string;
  subnet6Id: string | null;
  base: number[];
  prefix: number;
  v6Prefix: string | null;
}

// Shared, never mutated: 100k servers must not each carry their own copies.
const DEFAULT_GROUPS: readonly string[] = Object.freeze(['default']);
const WEB_GROUPS: readonly string[] = Object.freeze(['default', 'web']);
const NO_METADATA: Readonly<Record<string, string>> = Object.freeze({});
const roleMetadata = new Map<string, Readonly<Record<string, string>>>();
function metadataFor(role: string): Readonly<Record<string, string>> {
  let m = roleMetadata.get(role);
  if (!m) {
    m = Object.freeze({ role });
    roleMetadata.set(role, m);
  }
  return m;
}

const ROLES = ['web', 'app', 'db', 'cache', 'worker', 'lb', 'k8s-node', 'batch'] as const;
const EDGE_ROLES = ['pos', 'camera-gw', 'iot-hub', 'cache'] as const;

function statusFor(rng: Prng): SimServerStatus {
  const r = rng.next();
  if (r < 0.82) return 'ACTIVE';
  if (r < 0.92) return 'SHUTOFF';
  if (r < 0.97) return 'ERROR';
  return 'BUILD';
}

export function generateRegion(spec: FleetSpec, layout: CloudLayout, identity: SimIdentity, region: string): SimRegion {
  const rng = createPrng(deriveSeed(spec.seed, 'region', layout.name, region));
  const ctx: RegionContext = { spec, layout, identity, region, rng };
  const mean = spec.servers;
  const serverCount = mean === 0 ? 0 : Math.max(0, Math.round(mean * (0.6 + 0.8 * rng.next())));
  const { hypervisors, cells, azs } = hypervisorsFor(ctx, serverCount);
  const cellCount = cells.length - 1;
  const services = servicesFor(ctx, hypervisors, cellCount);
  const aggregates = aggregatesFor(ctx, hypervisors, azs, cellCount);
  const site = siteOrdinal(spec, layout);
  const flavors = flavorsFor(layout, rng, site);
  const projects = identity.projects;
  const admin = projects[0] as (typeof projects)[number];
  const adminUser = identity.users[0] as (typeof identity.users)[number];

  const keypairs = KEYPAIR_NAMES.filter((name) => name !== 'ci-runner' || rng.chance(0.6))
    .filter((name) => name !== 'deploy-2024' || site !== 1)
    .map(keypair);

  const images: JsonObject[] = [];
  for (const def of IMAGE_DEFS) {
    if (def.presence < 1 && !rng.chance(def.presence)) continue;
    const stale = (def.name === 'ubuntu-24.04' && rng.chance(0.2)) || (def.name === 'debian-12' && site === 0);
    images.push(glanceImage(rng, def, admin.id, 'public', stale ? '20240423' : '20250115'));
  }
  const demoProject = projects[1] as (typeof projects)[number];
  images.push(
    glanceImage(rng, { name: 'demo-app-snapshot', size: 2147483648, distro: 'ubuntu', version: '24.04', minDisk: 20, minRam: 1024, presence: 1 }, demoProject.id, 'private', `${layout.name}-${region}`),
  );
  images.sort((a, b) => (a.created_at === b.created_at ? (String(b.id) < String(a.id) ? -1 : 1) : String(b.created_at) < String(a.created_at) ? -1 : 1));

  // Servers first (project, status, host), so networks can be sized for them.
  const servers: SimServer[] = [];
  const usable = hypervisors.filter((h) => h.status === 'enabled' && h.state === 'up');
  const schedulable = usable.length > 0 ? usable : hypervisors;
  const perRole = new Map<string, number>();
  for (let i = 0; i < serverCount; i++) {
    const project = rng.chance(0.6) ? 1 : rng.int(0, projects.length - 1);
    const status = statusFor(rng);
    const flavorIdx = rng.int(0, flavors.length - 1);
    const hypervisor = status === 'ERROR' || schedulable.length === 0 ? -1 : hypervisors.indexOf(rng.pick(schedulable));
    const host = hypervisors[hypervisor];
    const roleName = layout.kind === 'edge' ? rng.pick(EDGE_ROLES) : rng.pick(ROLES);
    const ordinal = (perRole.get(roleName) ?? 0) + 1;
    perRole.set(roleName, ordinal);
    const created = randomTime(rng);
    const bootFromVolume = rng.chance(0.05);
    const publicImages = images.filter((img) => img.visibility === 'public');
    servers.push({
      id: rng.uuid(),
      name: layout.kind === 'edge' && host ? `${roleName}-${host.az}-${ordinal}` : `${roleName}-${String(ordinal).padStart(3, '0')}`,
      project,
      userId: adminUser.id,
      status,
      flavor: flavorIdx,
      image: bootFromVolume ? -1 : images.indexOf(rng.pick(publicImages)),
      volumeId: bootFromVolume ? rng.uuid() : null,
      hypervisor,
      cell: host ? host.cell : 0,
      az: host ? host.az : (azs[0] as string),
      created: isoTime(created),
      updated: isoTime(created + rng.int(60, 86_400) * 1000),
      keyName: rng.chance(0.8) ? (rng.pick(keypairs)?.name ?? null) : null,
      networkId: '',
      networkName: '',
      subnetId: '',
      ipv4: '',
      ipv6: null,
      subnet6Id: null,
      mac: mac(rng),
      portId: rng.uuid(),
      floatingIp: null,
      hostId: '',
      securityGroups: DEFAULT_GROUPS,
      locked: rng.chance(0.02),
      metadata: rng.chance(0.3) ? metadataFor(roleName) : NO_METADATA,
      faultMessage: status === 'ERROR' ? 'No valid host was found. There are not enough hosts available.' : null,
    });
    if (host) {
      const f = flavors[flavorIdx] as SimFlavor;
      host.vcpusUsed += f.vcpus;
      host.memoryMbUsed += f.ram;
      host.localGbUsed += f.disk;
      host.runningVms += 1;
      if (status === 'BUILD') host.building += 1;
      host.generation += 1;
    }
  }
  // Capacity pressure the demo always shows: the third site cloud (par) and the third region of a regional cloud.
  if (site === 2 || (layout.kind === 'regional' && layout.regions.indexOf(region) === 2)) packBusiestHost(hypervisors);
  // Nova lists newest first (created_at desc, id desc).
  servers.sort((a, b) => (a.created === b.created ? (b.id < a.id ? -1 : 1) : b.created < a.created ? -1 : 1));

  const hostIds = new Map<string, string>();
  for (const s of servers) {
    const host = hypervisors[s.hypervisor];
    if (!host) continue;
    const project = projects[s.project] as (typeof projects)[number];
    const key = `${project.id}/${host.hostname}`;
    let hostId = hostIds.get(key);
    if (!hostId) {
      // Nova's hostId is sha224(project_id + host): same for one project's servers on one host.
      hostId = createPrng(deriveSeed(spec.seed, 'hostId', key)).hex(56);
      hostIds.set(key, hostId);
    }
    s.hostId = hostId;
  }

  const net = buildNetworks(ctx, servers, projects.map((p) => p.id), azs);
  const portOrder = buildPortOrder(servers, net.infraPorts);

  const quotas: SimQuota[] = projects.map((_, p) => {
    const mine = servers.filter((s) => s.project === p);
    const cores = mine.reduce((sum, s) => sum + (flavors[s.flavor] as SimFlavor).vcpus, 0);
    const ram = mine.reduce((sum, s) => sum + (flavors[s.flavor] as SimFlavor).ram, 0);
    const roundUp = (n: number, step: number, min: number) => Math.max(min, Math.ceil((n * 1.25) / step) * step);
    return {
      instances: roundUp(mine.length, 10, 10),
      cores: roundUp(cores, 10, 20),
      ram: roundUp(ram, 51200, 51200),
      keyPairs: 100,
      used: { instances: mine.length, cores, ram },
    };
  });

  return {
    cloud: layout.name,
    region,
    cells,
    azs,
    hypervisors,
    services,
    aggregates,
    flavors,
    keypairs,
    servers,
    quotas,
    images,
    portOrder,
    ...net,
  };
}

function buildPortOrder(servers: SimServer[], infraPorts: JsonObject[]): number[] {
  const entries: { id: string; ref: number }[] = [];
  servers.forEach((s, i) => {
    if (s.networkId !== '') entries.push({ id: s.portId, ref: i });
  });
  infraPorts.forEach((p, i) => entries.push({ id: String(p.id), ref: -1 - i }));
  entries.sort((a, b) => (a.id < b.id ? -1 : 1));
  return entries.map((e) => e.ref);
}

interface Networks {
  networks: JsonObject[];
  subnets: JsonObject[];
  routers: JsonObject[];
  infraPorts: JsonObject[];
  floatingIps: JsonObject[];
  securityGroups: JsonObject[];
}

function neutronCommon(rng: Prng, projectId: string): JsonObject {
  const created = isoTime(randomTime(rng));
  return { project_id: projectId, tenant_id: projectId, created_at: created, updated_at: created, revision_number: rng.int(1, 4), tags: [], description: '' };
}

function buildNetworks(ctx: RegionContext, servers: SimServer[], projectIds: string[], azs: string[]): Networks {
  const { rng, layout } = ctx;
  const networks: JsonObject[] = [];
  const subnets: JsonObject[] = [];
  const routers: JsonObject[] = [];
  const infraPorts: JsonObject[] = [];
  const floatingIps: JsonObject[] = [];
  const securityGroups: JsonObject[] = [];
  const adminId = projectIds[0] as string;
  const neutronAzs = layout.kind === 'edge' ? ['nova'] : azs;

  const addNetwork = (name: string, projectId: string, external: boolean, shared: boolean): JsonObject => {
    const n: JsonObject = {
      ...neutronCommon(rng, projectId),
      id: rng.uuid(), name, admin_state_up: true, availability_zone_hints: [], availability_zones: neutronAzs,
      dns_domain: '', ipv4_address_scope: null, ipv6_address_scope: null, l2_adjacency: true, mtu: 1450,
      port_security_enabled: true, qos_policy_id: null, 'router:external': external, shared, status: 'ACTIVE',
      subnets: [], vlan_transparent: false, is_default: external, 'provider:network_type': external ? 'flat' : 'geneve',
      'provider:physical_network': external ? 'physnet1' : null, 'provider:segmentation_id': external ? null : rng.int(1, 65000),
    };
    networks.push(n);
    return n;
  };
  const addSubnet = (network: JsonObject, name: string, cidr: string, version: 4 | 6, gateway: string, pool: [string, string]): JsonObject => {
    const s: JsonObject = {
      ...neutronCommon(rng, String(network.project_id)),
      id: rng.uuid(), name, enable_dhcp: !network['router:external'], network_id: network.id as string, segment_id: null,
      dns_nameservers: [], dns_publish_fixed_ip: false, allocation_pools: [{ start: pool[0], end: pool[1] }], host_routes: [],
      ip_version: version, gateway_ip: gateway, cidr, ipv6_address_mode: version === 6 ? 'slaac' : null,
      ipv6_ra_mode: version === 6 ? 'slaac' : null, service_types: [], subnetpool_id: null, 'router:external': network['router:external'] as boolean,
    };
    subnets.push(s);
    (network.subnets as string[]).push(s.id as string);
    return s;
  };
  const addPort = (network: JsonObject, owner: string, deviceId: string, projectId: string, fixed: { subnet_id: string; ip_address: string }[]): JsonObject => {
    const p: JsonObject = {
      ...neutronCommon(rng, projectId),
      id: rng.uuid(), name: '', admin_state_up: true, allowed_address_pairs: [], data_plane_status: null, device_id: deviceId,
      device_owner: owner, dns_assignment: [], dns_domain: '', dns_name: '', extra_dhcp_opts: [], fixed_ips: fixed,
      ip_allocation: 'immediate', mac_address: mac(rng), network_id: network.id as string, security_groups: [], status: 'ACTIVE',
      port_security_enabled: owner.startsWith('compute:'), propagate_uplink_status: false, qos_network_policy_id: null,
      qos_policy_id: null, binding_vnic_type: 'normal', 'binding:vnic_type': 'normal', 'binding:host_id': '', 'binding:profile': {},
      'binding:vif_details': {}, 'binding:vif_type': owner === 'network:router_gateway' ? 'ovs' : 'unbound',
    };
    infraPorts.push(p);
    return p;
  };

  // Public network: TEST-NET ranges, one /24 per cloud-region, IPv6 documentation prefix on some clouds.
  const pubThird = rng.int(0, 255);
  const pubBase = [rng.pick([198, 203]), rng.pick([51, 0]), pubThird];
  const pubPrefix = `${pubBase[0]}.${pubBase[1]}.${pubThird}`;
  const publicNet = addNetwork('public', adminId, true, false);
  const publicSubnet = addSubnet(publicNet, 'public-subnet', `${pubPrefix}.0/24`, 4, `${pubPrefix}.1`, [`${pubPrefix}.2`, `${pubPrefix}.254`]);
  if (rng.chance(0.5)) {
    const p6 = `2001:db8:${rng.hex(4)}`;
    addSubnet(publicNet, 'public-subnet-v6', `${p6}::/64`, 6, `${p6}::1`, [`${p6}::2`, `${p6}::ffff:ffff:ffff:ffff`]);
  }
  let publicHost = 2;

  const plans: NetPlan[] = projectIds.map((projectId, p) => {
    const count = servers.filter((s) => s.project === p).length;
    const prefix = count > 200 ? 16 : 24;
    // demo's 10.0.0.0/24 exists in every cloud (DevStack habit): overlapping CIDRs for the overlap warnings.
    const base = p === 1 ? [10, 0, 0] : [10, rng.int(1, 254), prefix === 16 ? 0 : rng.int(0, 255)];
    const cidrBase = `${base[0]}.${base[1]}.${base[2]}`;
    const network = addNetwork(`${p === 0 ? 'admin' : 'private'}-${ctx.identity.projects[p]?.name ?? p}`, projectId, false, false);
    const gateway = `${cidrBase}.1`;
    const subnet = addSubnet(network, `${network.name}-subnet`, `${cidrBase}.0/${prefix}`, 4, gateway, [`${cidrBase}.2`, prefix === 16 ? `${base[0]}.${base[1]}.255.254` : `${cidrBase}.254`]);
    let v6Prefix: string | null = null;
    let subnet6Id: string | null = null;
    if (p === 1 && rng.chance(0.5)) {
      v6Prefix = `fd${rng.hex(2)}:${rng.hex(4)}:${rng.hex(4)}`;
      const v6 = addSubnet(network, `${network.name}-subnet-v6`, `${v6Prefix}::/64`, 6, `${v6Prefix}::1`, [`${v6Prefix}::2`, `${v6Prefix}::ffff:ffff:ffff:ffff`]);
      subnet6Id = v6.id as string;
    }
    addPort(network, 'network:dhcp', `dhcp${rng.hex(8)}-${rng.uuid()}`, projectId, [{ subnet_id: subnet.id as string, ip_address: `${cidrBase}.2` }]);
    const router: JsonObject = {
      ...neutronCommon(rng, projectId),
      id: rng.uuid(), name: `router-${ctx.identity.projects[p]?.name ?? p}`, admin_state_up: true, availability_zone_hints: [],
      availability_zones: neutronAzs, distributed: false, ha: layout.kind === 'regional', flavor_id: null, routes: [], status: 'ACTIVE',
      service_type_id: null, conntrack_helpers: [], enable_ndp_proxy: false,
      external_gateway_info: {
        enable_snat: true, network_id: publicNet.id as string,
        external_fixed_ips: [{ subnet_id: publicSubnet.id as string, ip_address: `${pubPrefix}.${publicHost}` }],
      },
    };
    routers.push(router);
    addPort(publicNet, 'network:router_gateway', router.id as string, '', [{ subnet_id: publicSubnet.id as string, ip_address: `${pubPrefix}.${publicHost++}` }]);
    addPort(network, 'network:router_interface', router.id as string, projectId, [{ subnet_id: subnet.id as string, ip_address: gateway }]);
    return { network, subnetId: subnet.id as string, subnet6Id, base, prefix, v6Prefix };
  });

  projectIds.forEach((projectId, p) => {
    const sg = (name: string, description: string, rules: { direction: string; ethertype: string; protocol: string | null; min: number | null; max: number | null; prefix: string | null; self: boolean }[]): void => {
      const id = rng.uuid();
      const common = neutronCommon(rng, projectId);
      securityGroups.push({
        ...common, id, name, description, stateful: true, shared: false,
        security_group_rules: rules.map((r) => ({
          ...neutronCommon(rng, projectId),
          id: rng.uuid(), direction: r.direction, ethertype: r.ethertype, protocol: r.protocol, port_range_min: r.min, port_range_max: r.max,
          remote_ip_prefix: r.prefix, remote_group_id: r.self ? id : null, remote_address_group_id: null, security_group_id: id, normalized_cidr: r.prefix,
          belongs_to_default_sg: name === 'default',
          // The rules Neutron adds to a project's default group have no description at all.
          ...(name === 'default' ? { description: null } : {}),
        })),
      });
    };
    sg('default', 'Default security group', [
      { direction: 'egress', ethertype: 'IPv4', protocol: null, min: null, max: null, prefix: null, self: false },
      { direction: 'egress', ethertype: 'IPv6', protocol: null, min: null, max: null, prefix: null, self: false },
      { direction: 'ingress', ethertype: 'IPv4', protocol: null, min: null, max: null, prefix: null, self: true },
      { direction: 'ingress', ethertype: 'IPv6', protocol: null, min: null, max: null, prefix: null, self: true },
    ]);
    if (p === 1) {
      sg('web', 'HTTP and HTTPS from anywhere', [
        { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', min: 80, max: 80, prefix: '0.0.0.0/0', self: false },
        { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', min: 443, max: 443, prefix: siteOrdinal(ctx.spec, layout) === 0 ? '10.0.0.0/8' : '0.0.0.0/0', self: false },
      ]);
    }
  });

  const hostsUsed = new Map<number, number>();
  for (const s of servers) {
    if (s.status === 'ERROR') continue;
    const plan = plans[s.project] as NetPlan;
    const n = (hostsUsed.get(s.project) ?? 0) + 1;
    hostsUsed.set(s.project, n);
    s.networkId = plan.network.id as string;
    s.networkName = plan.network.name as string;
    s.subnetId = plan.subnetId;
    s.ipv4 = ipInSubnet(plan.base, plan.prefix, n);
    if (plan.v6Prefix) {
      s.subnet6Id = plan.subnet6Id;
      s.ipv6 = `${plan.v6Prefix}::${rng.hex(4)}`;
    }
    if (s.project === 1 && rng.chance(0.5)) s.securityGroups = WEB_GROUPS;
    if (s.status === 'ACTIVE' && rng.chance(0.25) && publicHost < 250) {
      s.floatingIp = `${pubPrefix}.${publicHost++}`;
      const projectId = projectIds[s.project] as string;
      floatingIps.push({
        ...neutronCommon(rng, projectId),
        id: rng.uuid(), router_id: routers[s.project]?.id ?? null, dns_domain: '', dns_name: '', floating_network_id: publicNet.id as string,
        fixed_ip_address: s.ipv4, floating_ip_address: s.floatingIp, port_id: s.portId, status: 'ACTIVE',
        port_details: { status: 'ACTIVE', name: '', admin_state_up: true, network_id: s.networkId, device_owner: `compute:${s.az}`, mac_address: s.mac, device_id: s.id },
        port_forwardings: [], qos_network_policy_id: null, qos_policy_id: null,
      });
    }
  }
  const spare = rng.int(1, 2);
  for (let i = 0; i < spare && publicHost < 254; i++) {
    floatingIps.push({
      ...neutronCommon(rng, projectIds[1] as string),
      id: rng.uuid(), router_id: null, dns_domain: '', dns_name: '', floating_network_id: publicNet.id as string, fixed_ip_address: null,
      floating_ip_address: `${pubPrefix}.${publicHost++}`, port_id: null, status: 'DOWN', port_details: null, port_forwardings: [],
      qos_network_policy_id: null, qos_policy_id: null,
    });
  }
  // A cross-cloud address conflict every fleet with two site clouds shows, whatever the seed (the topology's overlap links):
  // differently named, nested blocks. Added last, so the draws above (and every other value of the fleet) stay as they were.
  const site = siteOrdinal(ctx.spec, layout);
  if (site === 0 || site === 1) {
    const [name, third, prefix] = site === 0 ? ['shared-services', 8, 24] : ['legacy-dmz', 0, 16];
    const last = prefix === 16 ? '172.16.255.254' : `172.16.${third}.254`;
    addSubnet(addNetwork(name, adminId, false, false), `${name}-subnet`, `172.16.${third}.0/${prefix}`, 4, `172.16.${third}.1`, [`172.16.${third}.2`, last]);
  }
  const byId = (a: JsonObject, b: JsonObject) => (String(a.id) < String(b.id) ? -1 : 1);
  for (const list of [networks, subnets, routers, infraPorts, floatingIps, securityGroups]) list.sort(byId);
  return { networks, subnets, routers, infraPorts, floatingIps, securityGroups };
}
