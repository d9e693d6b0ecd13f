import { describe, expect, it } from 'vitest';
import { DIRECT } from '../../openstack/index.ts';
import { createCloudRegistryStore } from './cloud-registry-store.ts';
import { missingSecret } from './cloud-secrets.ts';
import { importCloudsYaml } from './merge-import.ts';
import { REGISTRY_STORAGE_KEY } from './persisted-registry.ts';
import { PROJECT_CHOICES_STORAGE_KEY } from './project-choices.ts';
import { AC_SECRET, CLOUDS_YAML_WITH_SECRETS, PASSWORD, userCloud } from './test-clouds.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const direct = () => DIRECT;
const configured = { ...userCloud('configured', 'cfg-pw'), source: 'runtime-config' as const };

function storeWithImport(storage = memoryStorage()) {
  const store = createCloudRegistryStore({ fixed: [configured], transportFor: direct, storage });
  store.getState().addClouds(importCloudsYaml(CLOUDS_YAML_WITH_SECRETS, store.getState().clouds, direct).added);
  return { store, storage };
}

describe('the cloud registry store', () => {
  it('holds imported secrets in memory only: usable clouds, secret-free storage', () => {
    const { store, storage } = storeWithImport();
    const { clouds, user } = store.getState();
    expect(clouds.map((c) => c.name)).toEqual(['configured', 'core', 'ams']);
    expect(clouds.map(missingSecret)).toEqual([undefined, undefined, undefined]);
    expect(user.map(missingSecret)).toEqual(['password', 'application credential secret']);
    const stored = storage.items.get(REGISTRY_STORAGE_KEY) ?? '';
    expect(JSON.parse(stored)).toMatchObject({ version: 1, clouds: [{ name: 'core' }, { name: 'ams' }] });
    for (const secret of [PASSWORD, AC_SECRET, 'cfg-pw']) expect(stored).not.toContain(secret);
  });

  it('brings the clouds back after a reload, asking for their secrets', () => {
    const { storage } = storeWithImport();
    const reloaded = createCloudRegistryStore({ fixed: [configured], transportFor: direct, storage });
    expect(reloaded.getState().clouds.map((c) => [c.name, missingSecret(c)])).toEqual([
      ['configured', undefined],
      ['core', 'password'],
      ['ams', 'application credential secret'],
    ]);
    expect(reloaded.getState().storageNotice).toBeUndefined();
  });

  it('applies a secret given later without changing the other clouds’ identity', () => {
    const { storage } = storeWithImport();
    const store = createCloudRegistryStore({ fixed: [configured], transportFor: direct, storage });
    const before = store.getState().clouds;
    store.getState().setSecret('core', 'typed-in');
    const after = store.getState().clouds;
    expect(after[1]?.auth).toMatchObject({ password: 'typed-in' });
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(storage.items.get(REGISTRY_STORAGE_KEY)).not.toContain('typed-in');
  });

  it('takes the secret of a runtime-config cloud listed without one, in memory only', () => {
    const storage = memoryStorage();
    const store = createCloudRegistryStore({ fixed: [{ ...configured, auth: { ...configured.auth, password: '' } as typeof configured.auth }], transportFor: direct, storage });
    expect(store.getState().clouds.map(missingSecret)).toEqual(['password']);
    store.getState().setSecret('configured', 'typed-in');
    expect(store.getState().clouds[0]?.auth).toMatchObject({ password: 'typed-in' });
    expect(storage.items.size).toBe(0);
  });

  it('edits and removes user clouds, moving or dropping their secret', () => {
    const { store } = storeWithImport();
    const core = store.getState().user[0];
    if (!core) throw new Error('no core');
    store.getState().replaceCloud('core', { ...core, name: 'core-2', regionName: 'eu-west-1' });
    expect(store.getState().clouds.find((c) => c.name === 'core-2')?.auth).toMatchObject({ password: PASSWORD });
    store.getState().replaceCloud('core-2', { ...core, name: 'core-2', auth: { type: 'token', token: '' } });
    expect(store.getState().clouds.find((c) => c.name === 'core-2')?.auth).toEqual({ type: 'token', token: '' });
    store.getState().removeCloud('core-2');
    expect(store.getState().clouds.map((c) => c.name)).toEqual(['configured', 'ams']);
    expect(store.getState().secrets).toEqual({ ams: AC_SECRET });
    expect(() => store.getState().replaceCloud('configured', configured)).toThrow(/not a cloud of the operator/);
    expect(() => store.getState().replaceCloud('ams', { ...userCloud('configured') })).toThrow(/already in the registry/);
  });

  it('ignores unreadable or clashing storage with a notice and starts anyway', () => {
    const garbage = createCloudRegistryStore({ fixed: [], transportFor: direct, storage: memoryStorage({ [REGISTRY_STORAGE_KEY]: '<html>' }) });
    expect(garbage.getState()).toMatchObject({ clouds: [], storageNotice: expect.stringMatching(/could not be read/) });

    const { storage } = storeWithImport();
    const clashing = createCloudRegistryStore({ fixed: [{ ...userCloud('core'), source: 'demo' }], transportFor: direct, storage });
    expect(clashing.getState().clouds.map((c) => c.name)).toEqual(['core', 'ams']);
    expect(clashing.getState().storageNotice).toMatch(/name of a configured cloud were ignored: core/);

    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    const store = createCloudRegistryStore({ fixed: [], transportFor: direct, storage: blocked });
    expect(store.getState().storageNotice).toMatch(/SecurityError/);
    store.getState().addClouds([userCloud('ams')]);
    expect(store.getState()).toMatchObject({ clouds: [{ name: 'ams' }], storageNotice: expect.stringMatching(/could not be saved.*QuotaExceededError/) });
  });

  it('gives the OIDC sign-in token to imported v3oidcbrowser clouds only, and never stores it', () => {
    const storage = memoryStorage();
    const store = createCloudRegistryStore({ fixed: [configured], transportFor: direct, storage });
    const yaml = 'clouds:\n  fed:\n    auth_type: v3oidcbrowser\n    auth: { auth_url: "https://fed.example.test/v3", identity_provider: corp, protocol: openid }\n';
    store.getState().addClouds(importCloudsYaml(yaml, store.getState().clouds, direct).added);
    const before = store.getState().clouds[0];
    store.getState().setOidcAccessToken('at-signed-in');
    expect(store.getState().clouds.map(missingSecret)).toEqual([undefined, undefined]);
    expect(store.getState().clouds[0]).toBe(before);
    expect(store.getState().clouds[1]?.auth).toMatchObject({ accessToken: 'at-signed-in' });
    store.getState().setSecret('configured', 'other-pw');
    expect(store.getState().clouds[1]?.auth).toMatchObject({ accessToken: 'at-signed-in' });
    expect(storage.items.get(REGISTRY_STORAGE_KEY)).toContain('v3oidcbrowser');
    expect(storage.items.get(REGISTRY_STORAGE_KEY)).not.toContain('at-signed-in');
    store.getState().setOidcAccessToken(undefined);
    expect(store.getState().clouds.map(missingSecret)).toEqual([undefined, 'access token']);
  });

  it('scopes a cloud to the project chosen for it, keeps the choice (no secret) across a reload, and drops it with the cloud', () => {
    const { store, storage } = storeWithImport();
    const ams = store.getState().clouds[2];
    store.getState().chooseProject('core', { id: 'p-42', name: 'ops' });
    store.getState().setAllProjects(true);
    expect(store.getState().clouds[1]?.scope).toEqual({ projectId: 'p-42' });
    expect(store.getState().clouds[1]?.auth).toMatchObject({ password: PASSWORD });
    expect(store.getState().clouds[2]).toBe(ams);
    const stored = storage.items.get(PROJECT_CHOICES_STORAGE_KEY) ?? '';
    expect(JSON.parse(stored)).toEqual({ version: 1, allProjects: true, chosen: { core: { id: 'p-42', name: 'ops' } } });
    for (const secret of [PASSWORD, AC_SECRET]) expect(stored).not.toContain(secret);

    const reloaded = createCloudRegistryStore({ fixed: [configured], transportFor: direct, storage });
    expect(reloaded.getState().projectChoices).toEqual({ allProjects: true, chosen: { core: { id: 'p-42', name: 'ops' } } });
    expect(reloaded.getState().clouds[1]?.scope).toEqual({ projectId: 'p-42' });
    reloaded.getState().chooseProject('core', undefined);
    expect(reloaded.getState().clouds[1]?.scope).toEqual({ projectName: 'admin', projectDomainName: 'Default' });
    reloaded.getState().chooseProject('core', { id: 'p-42', name: 'ops' });
    reloaded.getState().removeCloud('core');
    expect(reloaded.getState().projectChoices.chosen).toEqual({});
  });

  it('withholds every secret after sign-out, the runtime config’s too, until the operator signs in again', () => {
    const { store } = storeWithImport();
    store.getState().signOut();
    expect(store.getState().clouds.map(missingSecret)).toEqual(['password', 'password', 'application credential secret']);
    expect(store.getState().secrets).toEqual({});
    store.getState().setSecret('core', 'typed-again');
    expect(store.getState().clouds.map(missingSecret)).toEqual(['password', undefined, 'application credential secret']);
    store.getState().resumeSignIn();
    expect(store.getState().clouds[0]?.auth).toMatchObject({ password: 'cfg-pw' });
  });
});
