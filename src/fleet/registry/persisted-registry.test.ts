import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIRECT } from '../../openstack/index.ts';
import { importCloudsYaml } from './merge-import.ts';
import { loadPersistedRegistry, persistedRegistryOf } from './persisted-registry.ts';
import { AC_SECRET, CLOUDS_YAML_WITH_SECRETS, PASSWORD, secretFreeClouds, userCloud } from './test-clouds.ts';

const direct = () => DIRECT;

describe('the persisted registry', () => {
  it('stores the user clouds as secret-free clouds.yaml entries, and nothing else', () => {
    const { added } = importCloudsYaml(CLOUDS_YAML_WITH_SECRETS, [], direct);
    const stored = persistedRegistryOf([{ ...userCloud('from-config', 'cfg-pw'), source: 'runtime-config' }, ...added]);
    expect(stored).toEqual({
      version: 1,
      clouds: [
        {
          name: 'core',
          entry: {
            auth_type: 'v3password',
            auth: {
              auth_url: 'https://core.example.test:5000/v3',
              username: 'ops',
              user_domain_name: 'Default',
              project_name: 'admin',
              project_domain_name: 'Default',
            },
            region_name: ['eu-west-1', 'eu-central-1'],
            interface: 'public',
          },
        },
        {
          name: 'ams',
          entry: { auth_type: 'v3applicationcredential', auth: { auth_url: 'https://ams.example.test/identity/v3', application_credential_id: 'ac-1' } },
        },
      ],
    });
    const text = JSON.stringify(stored);
    for (const secret of [PASSWORD, AC_SECRET, 'cfg-pw']) expect(text).not.toContain(secret);
  });

  it('loads back what it stored, with the transport of the day', () => {
    fc.assert(
      fc.property(secretFreeClouds, (clouds) => {
        const loaded = loadPersistedRegistry(JSON.stringify(persistedRegistryOf(clouds)), direct);
        expect(loaded).toEqual({ clouds });
      }),
    );
    const proxied = loadPersistedRegistry(JSON.stringify(persistedRegistryOf([userCloud('ams')])), () => ({ kind: 'proxy', basePath: '/p' }));
    expect(proxied.clouds[0]?.transport).toEqual({ kind: 'proxy', basePath: '/p' });
  });

  it('starts empty without a notice when nothing was stored', () => {
    expect(loadPersistedRegistry(null, direct)).toEqual({ clouds: [] });
  });

  it('ignores garbage with a notice instead of throwing', () => {
    expect(loadPersistedRegistry('{not json', direct)).toEqual({ clouds: [], notice: expect.stringMatching(/not JSON/) });
    expect(loadPersistedRegistry('{"version":2,"clouds":[]}', direct)).toEqual({ clouds: [], notice: expect.stringMatching(/shape/) });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((value) => JSON.stringify(value))), (text) => {
        const loaded = loadPersistedRegistry(text, direct);
        expect(Array.isArray(loaded.clouds)).toBe(true);
      }),
    );
  });

  it('keeps the readable clouds and names the ones it left out', () => {
    const stored = persistedRegistryOf([userCloud('ams'), userCloud('fra')]);
    const tampered = { ...stored, clouds: [...stored.clouds, { name: 'bad', entry: { auth: { username: 'x' } } }, stored.clouds[0]] };
    const loaded = loadPersistedRegistry(JSON.stringify(tampered), direct);
    expect(loaded.clouds.map((c) => c.name)).toEqual(['ams', 'fra']);
    expect(loaded.notice).toBe('Saved clouds that could not be read were ignored: bad, ams.');
  });
});
