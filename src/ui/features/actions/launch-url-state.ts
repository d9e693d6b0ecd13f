import { parseWantedFlavor, type LaunchSpec } from '../../../fleet/actions/launch-plan.ts';

/**
 * The fan-out launch's spec as the /actions URL carries it:
 * `?action=fan-out-launch&server=web-1&image=ubuntu-24.04&checksum=…&flavor=2/4096/40&network=private&keypair=deploy&to=…`
 * (`flavor` is a name, or vCPUs/RAM MB/disk GB).
 */
export interface LaunchFields {
  server: string;
  image: string;
  checksum: string;
  flavor: string;
  network: string;
  keypair: string;
}

const KEYS = ['server', 'image', 'checksum', 'flavor', 'network', 'keypair'] as const satisfies readonly (keyof LaunchFields)[];

export const EMPTY_LAUNCH_FIELDS: LaunchFields = { server: '', image: '', checksum: '', flavor: '', network: '', keypair: '' };

export function readLaunchFields(params: URLSearchParams): LaunchFields {
  const value = (key: keyof LaunchFields) => params.get(key) ?? '';
  return { server: value('server'), image: value('image'), checksum: value('checksum'), flavor: value('flavor'), network: value('network'), keypair: value('keypair') };
}

export function writeLaunchFields(params: URLSearchParams, fields: LaunchFields): void {
  for (const key of KEYS) if (fields[key] !== '') params.set(key, fields[key]);
}

/** The spec the fields make, or undefined while a required one is missing or the flavor unreadable. */
export function launchSpecOf(fields: LaunchFields): LaunchSpec | undefined {
  const flavor = parseWantedFlavor(fields.flavor);
  const [name, image, network] = [fields.server.trim(), fields.image.trim(), fields.network.trim()];
  if (!flavor || name === '' || image === '' || network === '') return undefined;
  const checksum = fields.checksum.trim();
  const keypair = fields.keypair.trim();
  return { name, image: checksum ? { name: image, checksum } : { name: image }, flavor, network, ...(keypair ? { keypair } : {}) };
}
