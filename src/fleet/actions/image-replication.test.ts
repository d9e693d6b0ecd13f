import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../openstack/index.ts';
import { BROWSER_COPY_MAX_BYTES, COPY_MARKER_PROPERTY, planImageReplication, type GlanceFacts, type StoreCopyRequest, type TargetImageState } from './image-replication.ts';

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

describe('planImageReplication: the route each target takes', () => {
  const region = (name: string) => ({ cloud: 'core', region: name });
  const WITH_DOWNLOAD = ['glance-direct', 'web-download', 'copy-image', 'glance-download'];
  const glanceAt = (name: string, importMethods?: readonly string[]): GlanceFacts => ({ endpoint: `https://core.example/${name}/image/v2`, importMethods });

  function planFrom(targets: TargetImageState[], image: ImageRecord = IMAGE, stores?: StoreCopyRequest) {
    return planImageReplication({ planId: 'p1', now: 0, source: region('eu-west-1'), image, targets, sourceGlance: glanceAt('eu-west-1'), stores });
  }

  it('lets a region of the same Keystone whose Glance offers glance-download fetch the image itself, with no size limit', () => {
    const large = { ...IMAGE, size: 3 * BROWSER_COPY_MAX_BYTES };
    const [step] = planFrom([{ target: region('eu-central-1'), state: 'read', images: [], glance: glanceAt('eu-central-1', WITH_DOWNLOAD) }], large).steps;
    expect(step).toMatchObject({ change: 'create', call: 'POST /v2/images → POST /v2/images/{id}/import (glance-download)', operation: { kind: 'glance-download-image', sourceImageId: 'img-1', source: region('eu-west-1') } });
    expect(step?.method?.name).toBe('glance-download');
    expect(step?.method?.why).toContain("share core's Keystone");
  });

  it('copies through the browser to another cloud, and to a region whose Glance does not offer glance-download or will not say', () => {
    const steps = planFrom([
      { target: { cloud: 'ams', region: 'RegionOne' }, state: 'read', images: [], glance: { endpoint: 'https://ams.example/image/v2' } },
      { target: region('us-east-1'), state: 'read', images: [], glance: glanceAt('us-east-1', ['glance-direct', 'web-download']) },
      { target: region('eu-north-1'), state: 'read', images: [], glance: glanceAt('eu-north-1') },
    ]).steps;
    expect(steps.map((step) => [step.target.region, step.operation.kind, step.method?.name])).toEqual([
      ['RegionOne', 'copy-image', 'through the browser'],
      ['us-east-1', 'copy-image', 'through the browser'],
      ['eu-north-1', 'copy-image', 'through the browser'],
    ]);
    expect(steps[0]?.method?.why).toContain('ams has its own Keystone');
    expect(steps[1]?.method?.why).toContain('does not offer glance-download (it offers glance-direct, web-download)');
    expect(steps[2]?.method?.why).toContain('could not be read');
  });

  it('copies nothing to a region served by the same Glance, and says why', () => {
    const [step] = planFrom([{ target: region('eu-west-2'), state: 'read', images: [], glance: glanceAt('eu-west-1', WITH_DOWNLOAD) }]).steps;
    expect(step).toMatchObject({ change: 'no-change', call: '—', method: { name: 'no copy needed' } });
    expect(step?.method?.why).toContain('served by the same Glance');
  });

  it('carries on an import an interrupted run left (queued or still importing), but not someone else’s importing image', () => {
    const glance = glanceAt('eu-central-1', WITH_DOWNLOAD);
    const steps = planFrom([
      { target: region('eu-central-1'), state: 'read', images: [{ id: 'q', status: 'importing', checksum: null, marker: 'sha512:ff00' }], glance },
      { target: region('us-east-1'), state: 'read', images: [{ id: 'r', status: 'queued', checksum: null, marker: 'sha512:ff00' }], glance: glanceAt('us-east-1', WITH_DOWNLOAD) },
      { target: region('eu-north-1'), state: 'read', images: [{ id: 's', status: 'importing', checksum: null }], glance: glanceAt('eu-north-1', WITH_DOWNLOAD) },
    ]).steps;
    expect(steps.map((step) => step.change)).toEqual(['create', 'create', 'conflict']);
    expect(steps[0]?.reason).toContain('still importing');
    expect(steps[1]?.reason).toContain('it is imported');
  });

  it('adds stores of the source’s own Glance by copy-image: no change where the image is, conflicts named', () => {
    const inCentral = { ...IMAGE, stores: 'central' };
    const stores: StoreCopyRequest = {
      wanted: ['site-1', 'central', 'archive', 'nowhere'],
      available: [
        { id: 'central', readOnly: false },
        { id: 'site-1', readOnly: false },
        { id: 'archive', readOnly: true },
      ],
      importMethods: WITH_DOWNLOAD,
    };
    const result = planFrom([], inCentral, stores);
    expect(result.steps.map((step) => [step.resource, step.change])).toEqual([
      ['image ubuntu-24.04 in store site-1', 'create'],
      ['image ubuntu-24.04 in store central', 'no-change'],
      ['image ubuntu-24.04 in store archive', 'conflict'],
      ['image ubuntu-24.04 in store nowhere', 'conflict'],
    ]);
    expect(result.steps[0]).toMatchObject({ target: region('eu-west-1'), operation: { kind: 'copy-image-to-store', imageId: 'img-1', store: 'site-1', checksum: 'aa11' }, method: { name: 'copy-image' } });
    expect(result.steps[3]?.reason).toBe("core/eu-west-1's Glance has no store nowhere (it has central, site-1, archive)");
    expect(result.title).toBe('Image replication: ubuntu-24.04 (4.0 KiB) from core/eu-west-1 to 4 stores');
  });

  it('refuses store copies where the Glance is not multi-store or does not offer copy-image', () => {
    const notMulti = planFrom([], IMAGE, { wanted: ['site-1'], available: [], importMethods: WITH_DOWNLOAD }).steps[0];
    expect(notMulti?.reason).toContain('not multi-store');
    const noCopy = planFrom([], IMAGE, { wanted: ['site-1'], available: [{ id: 'site-1', readOnly: false }], importMethods: ['glance-direct'] }).steps[0];
    expect(noCopy).toMatchObject({ change: 'conflict', reason: "core/eu-west-1's Glance does not offer copy-image" });
  });

  it('warns, without refusing, that a store copy needs admin under Glance’s default policy when the session has no admin role', () => {
    const wanted = { wanted: ['site-1'], available: [{ id: 'site-1', readOnly: false }], importMethods: WITH_DOWNLOAD };
    const member = planFrom([], IMAGE, { ...wanted, admin: false }).steps[0];
    expect(member).toMatchObject({ change: 'create' });
    expect(member?.reason).toContain('only admins copy between stores');
    expect(planFrom([], IMAGE, { ...wanted, admin: true }).steps[0]?.reason).toBeUndefined();
  });
});

