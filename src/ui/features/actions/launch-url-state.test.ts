import { describe, expect, it } from 'vitest';
import { readActionUrl, writeActionUrl } from './action-url-state.ts';
import { launchSpecOf } from './launch-url-state.ts';

describe('the fan-out launch in the /actions URL', () => {
  it('round-trips the spec and targets, and makes the spec it names', () => {
    const url = new URLSearchParams('action=fan-out-launch&server=web-1&image=ubuntu-24.04&checksum=c1&flavor=2/4096/40&network=private&keypair=deploy&to=ams/RegionOne');
    const state = readActionUrl(url);
    expect(state.action).toBe('fan-out-launch');
    expect(writeActionUrl(state).toString()).toBe(url.toString().replace(/\//g, '%2F'));
    expect(state.launch && launchSpecOf(state.launch)).toEqual({
      name: 'web-1',
      image: { name: 'ubuntu-24.04', checksum: 'c1' },
      flavor: { vcpus: 2, ram: 4096, disk: 40 },
      network: 'private',
      keypair: 'deploy',
    });
  });

  it('has no spec while a required field is empty, and keeps its fields out of other actions', () => {
    const state = readActionUrl(new URLSearchParams('action=fan-out-launch&server=web-1&image=cirros&flavor=m1.tiny'));
    expect(state.launch && launchSpecOf(state.launch)).toBeUndefined();
    expect(writeActionUrl({ ...state, action: 'flavor-parity' }).has('server')).toBe(false);
  });
});
