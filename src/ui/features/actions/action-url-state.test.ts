import { describe, expect, it } from 'vitest';
import { preparedActionLink, readActionUrl, writeActionUrl } from './action-url-state.ts';

describe('the /actions URL', () => {
  it('round-trips a key pair sync with its source, key and targets', () => {
    const url = new URLSearchParams('action=keypair-sync&from=core/eu-west-1&key=deploy&to=ams/RegionOne,fra/RegionOne&run=run-1');
    const state = readActionUrl(url);
    expect(state).toMatchObject({ action: 'keypair-sync', from: { cloud: 'core', region: 'eu-west-1' }, key: 'deploy', run: 'run-1' });
    expect(state.to).toEqual([
      { cloud: 'ams', region: 'RegionOne' },
      { cloud: 'fra', region: 'RegionOne' },
    ]);
    expect(writeActionUrl(state).toString()).toBe(url.toString().replace(/\//g, '%2F').replace(/,/g, '%2C'));
  });

  it('reads the servers the inventory hands over, and falls back to stop for an unknown verb', () => {
    const state = readActionUrl(new URLSearchParams('servers=ams/RegionOne/a,fra/RegionOne/b&verb=explode'));
    expect(state).toMatchObject({ action: 'servers', verb: 'stop', servers: ['ams/RegionOne/a', 'fra/RegionOne/b'] });
    expect(writeActionUrl({ ...state, verb: 'tag', tag: 'blue' }).get('tag')).toBe('blue');
  });

  it('round-trips an image replication by image id, and drops the image from other actions', () => {
    const url = new URLSearchParams('action=image-replication&from=ams/RegionOne&image=4f1c&to=fra/RegionOne');
    const state = readActionUrl(url);
    expect(state).toMatchObject({ action: 'image-replication', image: '4f1c', from: { cloud: 'ams', region: 'RegionOne' } });
    expect(writeActionUrl(state).toString()).toBe(url.toString().replace(/\//g, '%2F'));
    expect(writeActionUrl({ ...state, action: 'keypair-sync' }).has('image')).toBe(false);
  });

  it('keeps the stores of an image replication, and only for that action', () => {
    const params = writeActionUrl({ ...readActionUrl(new URLSearchParams('action=image-replication&from=edge/eu-edge-1&image=i-1')), stores: ['store-001', 'store-002'] });
    expect(params.get('stores')).toBe('store-001,store-002');
    expect(readActionUrl(params).stores).toEqual(['store-001', 'store-002']);
    expect(writeActionUrl({ ...readActionUrl(params), action: 'keypair-sync' }).has('stores')).toBe(false);
  });

  it('ignores malformed targets', () => {
    expect(readActionUrl(new URLSearchParams('to=nocloud,/x,ams/')).to).toEqual([]);
  });

  it('opens a prepared action with what the other view knew filled in, and nothing else', () => {
    const read = (link: string) => {
      expect(link.startsWith('/actions?')).toBe(true);
      return readActionUrl(new URLSearchParams(link.slice('/actions?'.length)));
    };
    const sync = read(preparedActionLink({ action: 'keypair-sync', from: { cloud: 'ams', region: 'RegionOne' }, key: 'deploy', to: [{ cloud: 'fra', region: 'RegionOne' }] }));
    expect(sync).toMatchObject({ action: 'keypair-sync', from: { cloud: 'ams', region: 'RegionOne' }, key: 'deploy', to: [{ cloud: 'fra', region: 'RegionOne' }], servers: [] });
    expect(read(preparedActionLink({ action: 'image-replication', from: { cloud: 'ams', region: 'RegionOne' }, image: 'i-1', to: [] }))).toMatchObject({ action: 'image-replication', image: 'i-1' });
    const launch = preparedActionLink({ action: 'fan-out-launch', to: [{ cloud: 'edge', region: 'eu-edge-1' }] });
    expect(launch).toBe('/actions?action=fan-out-launch&to=edge%2Feu-edge-1');
    expect(read(launch)).toMatchObject({ action: 'fan-out-launch', from: undefined, to: [{ cloud: 'edge', region: 'eu-edge-1' }] });
  });
});
