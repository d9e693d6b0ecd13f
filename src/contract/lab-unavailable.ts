import { CONTRACT_SERVICES, type ContractRequirement, type ContractService } from './contract-target.ts';
import type { LabCloud, LabJson } from './lab-json.ts';

/**
 * What each entry of lab.json's `unavailable` takes away from the contract
 * suite, per cloud. The names are the lab's own: processes from up.sh
 * (`neutron`, `glance-b`, `nova-compute-2`), probes from seed.py
 * (`lab-a:network`) and failed seed steps (`seed:images`, `seed:lab-a`).
 * Entries that touch nothing the suite uses (`oidc`, `apache`) map to nothing.
 */

type Impact = readonly [cloud: string, requirement: ContractRequirement];

const LAB_A_PROCESSES: Record<string, ContractRequirement> = {
  'keystone-a': 'identity',
  'catalog-a': 'identity',
  'glance-a': 'image',
  // edge-1's own Glance: that region's images.
  'glance-a-edge': 'image',
  placement: 'placement',
  neutron: 'network',
  // Without its database, RabbitMQ, conductor or scheduler, Nova answers but its seeded servers are not there.
  nova: 'compute',
  'nova-api': 'compute',
  'nova-conductor': 'compute',
  'nova-scheduler': 'compute',
  rabbitmq: 'compute',
};

const LAB_B_PROCESSES: Record<string, ContractRequirement> = {
  'keystone-b': 'identity',
  'catalog-b': 'identity',
  'glance-b': 'image',
  'nova-api-b': 'compute',
};

/** seed.py's step names: a failed step leaves that service's counts unknown. */
const SEED_STEPS: Record<string, ContractRequirement> = {
  identity: 'identity',
  application_credential: 'application-credential',
  images: 'image',
  // The seeded images in a region's own Glance (lab-a's edge-1): that region's image count.
  image_mirrors: 'image',
  flavors: 'compute',
  keypairs: 'compute',
  computes: 'compute',
  aggregates: 'compute',
  servers: 'compute',
  network: 'network',
};

function isContractService(type: string): type is ContractService {
  return (CONTRACT_SERVICES as readonly string[]).includes(type);
}

function impactsOf(service: string, clouds: readonly string[]): Impact[] {
  const processA = LAB_A_PROCESSES[service];
  if (processA) return [['lab-a', processA]];
  const processB = LAB_B_PROCESSES[service];
  if (processB) return [['lab-b', processB]];
  if (/^nova-compute-\d+$/.test(service)) return [['lab-a', 'compute']];
  const [head = '', tail, rest] = service.split(':');
  if (head === 'seed') {
    if (tail === undefined) return [];
    // 'seed:<cloud>' is a whole cloud's seed; 'seed:<cloud>:<step>' one step of it; 'seed:<step>' a step of some cloud.
    if (clouds.includes(tail)) {
      if (rest === undefined) return [[tail, 'identity']];
      const step = SEED_STEPS[rest];
      return step ? [[tail, step]] : [];
    }
    const step = SEED_STEPS[tail];
    return step ? clouds.map((cloud): Impact => [cloud, step]) : [];
  }
  // '<cloud>:<service type>': seed.py's probe of that service's health URL failed.
  if (tail !== undefined && clouds.includes(head) && isContractService(tail)) return [[head, tail]];
  return [];
}

function note(service: string, reason: string): string {
  const short = reason.replace(/\s+/g, ' ').trim();
  return `${service} unavailable (${short.length > 160 ? `${short.slice(0, 157)}...` : short})`;
}

/** For one cloud of the lab: each requirement that cannot be tested, with the note its failing tests show. */
export function unavailableFor(lab: LabJson, name: string, cloud: LabCloud): Partial<Record<ContractRequirement, string>> {
  const notes: Partial<Record<ContractRequirement, string>> = {};
  const add = (requirement: ContractRequirement, text: string) => {
    notes[requirement] = notes[requirement] === undefined ? text : `${notes[requirement]}; ${text}`;
  };
  const clouds = Object.keys(lab.clouds);
  for (const entry of lab.unavailable) {
    for (const [target, requirement] of impactsOf(entry.service, clouds)) {
      if (target === name) add(requirement, note(entry.service, entry.reason));
    }
  }
  for (const [type, service] of Object.entries(cloud.services)) {
    if (!service.up && isContractService(type) && notes[type] === undefined) add(type, note(`${name}:${type}`, `${service.url} did not answer`));
  }
  if (cloud.credentials.application_credential === null && notes['application-credential'] === undefined) {
    add('application-credential', note('application credential', 'lab.json has none'));
  }
  return notes;
}
