import { describe, expect, it } from 'vitest';
import { addCloud, createCloudRegistry, DuplicateCloudError, findCloud, removeCloud } from './cloud-registry.ts';
import type { CloudDefinition } from './cloud-definition.ts';

const cloud = (name: string): CloudDefinition => ({
  name,
  authUrl: `https://${name}.example.test:5000/v3`,
  auth: { type: 'password', username: 'ops', password: 'secret', userDomainName: 'Default' },
  transport: { kind: 'direct' },
  source: 'user',
});

describe('cloud registry', () => {
  it('keeps clouds in the order they were added', () => {
    const registry = createCloudRegistry([cloud('ams'), cloud('fra'), cloud('par')]);
    expect(registry.clouds.map((c) => c.name)).toEqual(['ams', 'fra', 'par']);
  });

  it('refuses a second cloud with the same name and names it', () => {
    const registry = createCloudRegistry([cloud('ams')]);
    expect(() => addCloud(registry, cloud('ams'))).toThrow(DuplicateCloudError);
    expect(() => addCloud(registry, cloud('ams'))).toThrow(/"ams"/);
  });

  it('removes by name without touching the original registry', () => {
    const registry = createCloudRegistry([cloud('ams'), cloud('fra')]);
    const smaller = removeCloud(registry, 'ams');
    expect(findCloud(smaller, 'ams')).toBeUndefined();
    expect(findCloud(registry, 'ams')?.name).toBe('ams');
  });
});
