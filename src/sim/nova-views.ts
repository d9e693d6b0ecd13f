import type {
  Json,
  JsonObject,
  SimFlavor,
  SimHypervisor,
  SimRegion,
  SimServer,
  SimService,
} from './fleet-model.ts';
import { serverTags } from './mutations/sim-state.ts';

/**
 * Nova's view builders: flat records → wire JSON for one microversion. Keys
 * appear and disappear at the microversions where real Nova changes them.
 */
export interface ViewContext {
  /** Absolute compute root without version, e.g. `https://x/eu-west-1/compute`. */
  root: string;
  minor: number;
  admin: boolean;
  region: SimRegion;
  projectIds: readonly string[];
}

function links(ctx: ViewContext, collection: string, id: string): Json {
  return [
    { rel: 'self', href: `${ctx.root}/v2.1/${collection}/${id}` },
    { rel: 'bookmark', href: `${ctx.root}/${collection}/${id}` },
  ];
}

const VM_STATE = {
  ACTIVE: { vm: 'active', power: 1, task: null },
  SHUTOFF: { vm: 'stopped', power: 4, task: null },
  ERROR: { vm: 'error', power: 0, task: null },
  BUILD: { vm: 'building', power: 0, task: 'spawning' },
} as const;

function addresses(s: SimServer): JsonObject {
  if (s.networkId === '') return {};
  const list: JsonObject[] = [{ version: 4, addr: s.ipv4, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': s.mac }];
  if (s.ipv6 !== null) list.push({ version: 6, addr: s.ipv6, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': s.mac });
  if (s.floatingIp !== null) list.push({ version: 4, addr: s.floatingIp, 'OS-EXT-IPS:type': 'floating', 'OS-EXT-IPS-MAC:mac_addr': s.mac });
  return { [s.networkName]: list };
}

function embeddedFlavor(f: SimFlavor): JsonObject {
  return { vcpus: f.vcpus, ram: f.ram, disk: f.disk, ephemeral: f.ephemeral, swap: f.swap, original_name: f.name, extra_specs: f.extraSpecs };
}

export function serverDetail(ctx: ViewContext, s: SimServer): JsonObject {
  const { minor, admin, region } = ctx;
  const flavor = region.flavors[s.flavor] as SimFlavor;
  const host = region.hypervisors[s.hypervisor];
  const state = VM_STATE[s.status];
  const imageId = s.image >= 0 ? String(region.images[s.image]?.id ?? '') : '';
  const v: JsonObject = {
    id: s.id,
    name: s.name,
    status: s.status,
    tenant_id: ctx.projectIds[s.project] ?? '',
    user_id: s.userId,
    metadata: s.metadata,
    hostId: s.hostId,
    image: imageId === '' ? '' : { id: imageId, links: [{ rel: 'bookmark', href: `${ctx.root}/images/${imageId}` }] },
    flavor: minor >= 47 ? embeddedFlavor(flavor) : { id: flavor.id, links: [{ rel: 'bookmark', href: `${ctx.root}/flavors/${flavor.id}` }] },
    created: s.created,
    updated: s.updated,
    addresses: addresses(s),
    accessIPv4: '',
    accessIPv6: '',
    links: links(ctx, 'servers', s.id),
    'OS-DCF:diskConfig': 'MANUAL',
    progress: 0,
    'OS-EXT-AZ:availability_zone': host ? s.az : '',
    config_drive: '',
    key_name: s.keyName,
    'OS-SRV-USG:launched_at': s.status === 'ACTIVE' || s.status === 'SHUTOFF' ? `${s.created.slice(0, -1)}.000000` : null,
    'OS-SRV-USG:terminated_at': null,
    security_groups: s.networkId === '' ? [] : s.securityGroups.map((name) => ({ name })),
    'OS-EXT-STS:task_state': state.task,
    'OS-EXT-STS:vm_state': state.vm,
    'OS-EXT-STS:power_state': state.power,
    'os-extended-volumes:volumes_attached':
      s.volumeId === null ? [] : [minor >= 3 ? { id: s.volumeId, delete_on_termination: true } : { id: s.volumeId }],
  };
  if (admin) {
    v['OS-EXT-SRV-ATTR:host'] = host?.hostname ?? null;
    v['OS-EXT-SRV-ATTR:hypervisor_hostname'] = host?.hostname ?? null;
    v['OS-EXT-SRV-ATTR:instance_name'] = `instance-${s.id.slice(0, 8)}`;
    if (minor >= 3) {
      v['OS-EXT-SRV-ATTR:reservation_id'] = `r-${s.id.slice(24, 32)}`;
      v['OS-EXT-SRV-ATTR:launch_index'] = 0;
      v['OS-EXT-SRV-ATTR:kernel_id'] = '';
      v['OS-EXT-SRV-ATTR:ramdisk_id'] = '';
      v['OS-EXT-SRV-ATTR:root_device_name'] = '/dev/vda';
      v['OS-EXT-SRV-ATTR:user_data'] = null;
    }
    if (minor >= 16) v.host_status = host ? (host.state === 'up' ? 'UP' : 'DOWN') : '';
  }
  if (minor >= 90 || (admin && minor >= 3)) v['OS-EXT-SRV-ATTR:hostname'] = s.name;
  if (minor >= 9) v.locked = s.locked;
  if (minor >= 19) v.description = null;
  if (minor >= 26) v.tags = serverTags(ctx.region, s);
  if (minor >= 63) v.trusted_image_certificates = null;
  if (minor >= 73) v.locked_reason = s.locked ? 'maintenance window' : null;
  if (minor >= 96) v.pinned_availability_zone = null;
  if (s.faultMessage !== null) {
    const fault: JsonObject = { code: 500, created: s.updated, message: s.faultMessage };
    if (admin) fault.details = 'Traceback (most recent call last):\n  File "/usr/lib/python3/dist-packages/nova/conductor/manager.py", line 1654, in schedule_and_build_instances\nnova.exception.NoValidHost';
    v.fault = fault;
  }
  return v;
}

/** What Nova returns (≥ 2.69) for a server whose cell does not answer. */
export function serverUnknown(ctx: ViewContext, s: SimServer): JsonObject {
  return { id: s.id, status: 'UNKNOWN', tenant_id: ctx.projectIds[s.project] ?? '', created: s.created, links: links(ctx, 'servers', s.id) };
}

export function serverSummary(ctx: ViewContext, s: SimServer): JsonObject {
  return { id: s.id, name: s.name, links: links(ctx, 'servers', s.id) };
}

export function flavorDetail(ctx: ViewContext, f: SimFlavor): JsonObject {
  const v: JsonObject = {
    id: f.id,
    name: f.name,
    ram: f.ram,
    disk: f.disk,
    vcpus: f.vcpus,
    // Before 2.75 Nova reports "no swap" as an empty string.
    swap: ctx.minor < 75 && f.swap === 0 ? '' : f.swap,
    'OS-FLV-EXT-DATA:ephemeral': f.ephemeral,
    'OS-FLV-DISABLED:disabled': false,
    'os-flavor-access:is_public': f.isPublic,
    rxtx_factor: 1.0,
    links: links(ctx, 'flavors', f.id),
  };
  if (ctx.minor >= 55) v.description = f.description;
  if (ctx.minor >= 61) v.extra_specs = f.extraSpecs;
  return v;
}

export function hypervisorDetail(ctx: ViewContext, h: SimHypervisor): JsonObject {
  const uuids = ctx.minor >= 53;
  const v: JsonObject = {
    id: uuids ? h.uuid : h.id,
    hypervisor_hostname: h.hostname,
    hypervisor_type: 'QEMU',
    hypervisor_version: 8002002,
    host_ip: h.hostIp,
    state: h.state,
    status: h.status,
    service: { host: h.hostname, id: uuids ? h.serviceUuid : h.serviceId, disabled_reason: h.disabledReason },
  };
  if (ctx.minor >= 88) {
    v.uptime = null;
    return v;
  }
  const cpuInfo = {
    arch: 'x86_64',
    model: h.cpuModel,
    vendor: h.cpuModel.startsWith('EPYC') ? 'AMD' : 'Intel',
    features: ['pge', 'clflush', 'avx2'],
    topology: { cores: h.vcpus / 4, threads: 2, sockets: 2 },
  };
  const freeDisk = h.localGb - h.localGbUsed;
  Object.assign(v, {
    cpu_info: ctx.minor >= 28 ? cpuInfo : JSON.stringify(cpuInfo),
    current_workload: h.building,
    disk_available_least: freeDisk - 10,
    free_disk_gb: freeDisk,
    free_ram_mb: h.memoryMb - h.memoryMbUsed,
    local_gb: h.localGb,
    local_gb_used: h.localGbUsed,
    memory_mb: h.memoryMb,
    memory_mb_used: h.memoryMbUsed,
    running_vms: h.runningVms,
    vcpus: h.vcpus,
    vcpus_used: h.vcpusUsed,
  });
  return v;
}

export function serviceView(ctx: ViewContext, s: SimService): JsonObject {
  const v: JsonObject = {
    id: ctx.minor >= 53 ? s.uuid : s.id,
    binary: s.binary,
    host: s.host,
    zone: s.zone,
    status: s.status,
    state: s.state,
    updated_at: s.updatedAt.replace('Z', '.000000'),
    disabled_reason: s.disabledReason,
  };
  if (ctx.minor >= 11) v.forced_down = false;
  return v;
}

/** Nova's timestamps in these views carry microseconds and no zone. */
function novaTime(iso: string): string {
  return `${iso.replace(/Z$/, '').replace(/\.\d+$/, '')}.000000`;
}

/** A deterministic id derived from the server's, so listings are stable across requests. */
function derivedId(serverId: string, salt: string): string {
  return `${salt}${serverId.slice(salt.length)}`;
}

/** GET /servers/{id}/os-volume_attachments: a server booted from a volume has that one attached as its root disk. */
export function volumeAttachmentsView(minor: number, s: SimServer): JsonObject[] {
  if (s.volumeId === null) return [];
  const v: JsonObject = { device: '/dev/vda', serverId: s.id, volumeId: s.volumeId };
  if (minor < 89) v.id = s.volumeId;
  if (minor >= 70) v.tag = null;
  if (minor >= 79) v.delete_on_termination = true;
  if (minor >= 89) {
    v.attachment_id = derivedId(s.id, 'a77ac4');
    v.bdm_uuid = derivedId(s.id, 'bd3');
  }
  return [v];
}

/** GET /servers/{id}/os-instance-actions, newest first: the server's creation, then what its state says was done since. */
export function instanceActionsView(ctx: ViewContext, s: SimServer): JsonObject[] {
  const action = (name: string, index: number, at: string): JsonObject => {
    const v: JsonObject = {
      action: name,
      instance_uuid: s.id,
      message: null,
      project_id: ctx.projectIds[s.project] ?? '',
      request_id: `req-${derivedId(s.id, String(index))}`,
      start_time: novaTime(at),
      user_id: s.userId,
    };
    if (ctx.minor >= 58) v.updated_at = novaTime(at);
    return v;
  };
  const actions = [action('create', 0, s.created)];
  if (s.status === 'SHUTOFF') actions.push(action('stop', 1, s.updated));
  if (s.locked) actions.push(action('lock', 2, s.updated));
  return actions.reverse();
}
