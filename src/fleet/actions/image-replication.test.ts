import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../openstack/index.ts';
import { BROWSER_COPY_MAX_BYTES, COPY_MARKER_PROPERTY, planImageReplication, type TargetImageState } from './image-replication.ts';

const IMAGE: ImageRecord = {
  id: 'img-1',
  name: 'ubuntu-24.04',
  status: 'active',
  visibility: 'public',
  owner: 'p1',
  protected: false,
  tags: ['lts'],
  min_disk: 10,
  min_ram: 512,
  size: 4096,
  virtual_size: 8192,
  disk_format: 'qcow2',
  container_format: 'bare',
  checksum: 'aa11',
  os_hash_algo: 'sha512',
  os_hash_value: 'ff00',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  os_distro: 'ubuntu',
  os_glance_importing_to_stores: '',
  stores: 'fs',
};

const at = (cloud: string) => ({ cloud, region: 'RegionOne' });

function plan(targets: TargetImageState[], image: ImageRecord = IMAGE) {
  return planImageReplication({ planId: 'p1', now: 0, source: at('ams'), image, targets });
}

describe('planImageReplication', () => {
  it('creates where the image is missing, leaves a same-checksum copy alone, and never overwrites other data of the same name', () => {
    const result = plan([
      { target: at('fra'), state: 'read', images: [] },
      { target: at('par'), state: 'read', images: [{ id: 'x', status: 'active', checksum: 'aa11' }] },
      { target: at('lon'), state: 'read', images: [{ id: 'y', status: 'active', checksum: 'bb22' }] },
    ]);
    expect(result.steps.map((step) => [step.target.cloud, step.change])).toEqual([
      ['fra', 'create'],
      ['par', 'no-change'],
      ['lon', 'conflict'],
    ]);
    expect(result.steps[2]?.reason).toContain('checksum bb22');
    expect(result.steps.every((step) => !step.destructive)).toBe(true);
    expect(result.title).toBe('Image replication: ubuntu-24.04 (4.0 KiB) from ams/RegionOne to 3 targets');
  });

  it('carries what the copy needs: formats, minimums, tags, custom properties and the copy marker, not what Glance owns', () => {
    const operation = plan([{ target: at('fra'), state: 'read', images: [] }]).steps[0]?.operation;
    expect(operation).toMatchObject({
      kind: 'copy-image',
      source: at('ams'),
      sourceImageId: 'img-1',
      size: 4096,
      checksum: 'aa11',
      hashAlgo: 'sha512',
      hashValue: 'ff00',
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      minDisk: 10,
      minRam: 512,
      tags: ['lts'],
      properties: { os_distro: 'ubuntu', [COPY_MARKER_PROPERTY]: 'sha512:ff00' },
    });
  });

  it('reuses a queued copy of ours, but treats anyone else’s queued image of that name as a conflict', () => {
    const result = plan([
      { target: at('fra'), state: 'read', images: [{ id: 'q', status: 'queued', checksum: null, marker: 'sha512:ff00' }] },
      { target: at('par'), state: 'read', images: [{ id: 'r', status: 'queued', checksum: null }] },
    ]);
    expect(result.steps.map((step) => step.change)).toEqual(['create', 'conflict']);
    expect(result.steps[0]?.reason).toContain('queued copy');
  });

  it('plans a create for a target whose state could not be read, saying so, and skips the source itself', () => {
    const result = plan([
      { target: at('ams'), state: 'read', images: [{ id: 'img-1', status: 'active', checksum: 'aa11' }] },
      { target: at('vie'), state: 'unknown', error: 'connection refused' },
    ]);
    expect(result.steps.map((step) => [step.target.cloud, step.change])).toEqual([['vie', 'create']]);
    expect(result.steps[0]?.reason).toContain('connection refused');
  });

  it('says an image too large for the browser path cannot be copied this way, and still shows copies already there', () => {
    const large = { ...IMAGE, size: 3 * BROWSER_COPY_MAX_BYTES };
    const result = plan(
      [
        { target: at('fra'), state: 'read', images: [] },
        { target: at('par'), state: 'read', images: [{ id: 'x', status: 'active', checksum: 'aa11' }] },
      ],
      large,
    );
    expect(result.steps.map((step) => step.change)).toEqual(['conflict', 'no-change']);
    expect(result.steps[0]?.reason).toBe("3.0 GiB is more than the 1.0 GiB this browser copies; use Glance's import between the clouds");
  });
});
