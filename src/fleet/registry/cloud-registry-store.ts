import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CloudDefinition } from './cloud-definition.ts';
import { createCloudRegistry, DuplicateCloudError } from './cloud-registry.ts';
import { authWithSecret, secretOf, withoutSecret } from './cloud-secrets.ts';
import type { TransportFor } from './merge-import.ts';
import { loadPersistedRegistry, persistedRegistryOf, REGISTRY_STORAGE_KEY } from './persisted-registry.ts';

export interface CloudRegistryState {
  /** Demo and runtime-config clouds: fixed for the page's life, never stored, never edited. */
  fixed: readonly CloudDefinition[];
  /** The operator's own clouds without their secrets: exactly what is stored. */
  user: readonly CloudDefinition[];
  /** Secrets by cloud name, for this tab's life only (DESIGN rule 7). */
  secrets: Readonly<Record<string, string>>;
  /** The access token of the console's OIDC sign-in, given to every `browserLogin` cloud; memory only, like the secrets. */
  oidcAccessToken?: string;
  /** Every cloud in the operator's order, secrets applied: what views and connections use. */
  clouds: readonly CloudDefinition[];
  /** Why stored clouds were ignored, or could not be saved. */
  storageNotice?: string;
  /** Adds user clouds; a secret they carry stays in memory. */
  addClouds(clouds: readonly CloudDefinition[]): void;
  /** Replaces a user cloud (possibly renamed). Without a new secret, the old one is kept when the sign-in method is unchanged. */
  replaceCloud(name: string, cloud: CloudDefinition): void;
  removeCloud(name: string): void;
  setSecret(name: string, secret: string): void;
  /** A new access token (after sign-in) or none (signed out, expired): every `browserLogin` cloud signs in again or waits. */
  setOidcAccessToken(token: string | undefined): void;
}

export type CloudRegistryStore = StoreApi<CloudRegistryState>;

export interface CloudRegistryStoreOptions {
  fixed: readonly CloudDefinition[];
  transportFor: TransportFor;
  /** Where user clouds are kept (localStorage in the browser); none: memory only. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * The registry as it changes at runtime. Persistence is done by hand rather
 * than with zustand's persist middleware: stored text is validated before use,
 * a broken or blocked storage becomes a notice instead of an exception, and
 * only the exporter's secret-free shape is ever written.
 */
export function createCloudRegistryStore({ fixed, transportFor, storage }: CloudRegistryStoreOptions): CloudRegistryStore {
  // The demo and the runtime config must not name one cloud twice; that is a deployment error worth failing for.
  createCloudRegistry(fixed);
  const loaded = load(storage, fixed, transportFor);
  const store = createStore<CloudRegistryState>()((set, get) => {
    const update = (user: readonly CloudDefinition[], secrets: Readonly<Record<string, string>>, oidcAccessToken: string | undefined) =>
      set({ user, secrets, oidcAccessToken, clouds: effectiveClouds(get().fixed, user, secrets, oidcAccessToken) });
    return {
      fixed,
      user: loaded.clouds,
      secrets: {},
      clouds: effectiveClouds(fixed, loaded.clouds, {}, undefined),
      storageNotice: loaded.notice,
      addClouds(clouds) {
        const { user, secrets } = get();
        // Throws on a name already taken: callers merge first (merge-import.ts), so this is a bug guard.
        createCloudRegistry([...get().clouds, ...clouds]);
        update([...user, ...clouds.map(withoutSecret)], { ...secrets, ...secretsOf(clouds) }, get().oidcAccessToken);
      },
      replaceCloud(name, cloud) {
        const { user, secrets } = get();
        const old = user.find((c) => c.name === name);
        if (!old) throw new Error(`"${name}" is not a cloud of the operator's own`);
        if (cloud.name !== name && get().clouds.some((c) => c.name === cloud.name)) throw new DuplicateCloudError(cloud.name);
        const { [name]: oldSecret, ...others } = secrets;
        const kept = oldSecret !== undefined && old.auth.type === cloud.auth.type && !cloud.browserLogin ? { [cloud.name]: oldSecret } : {};
        update(
          user.map((c) => (c.name === name ? withoutSecret(cloud) : c)),
          { ...others, ...kept, ...secretsOf([cloud]) },
          get().oidcAccessToken,
        );
      },
      removeCloud(name) {
        const { [name]: _dropped, ...secrets } = get().secrets;
        update(get().user.filter((c) => c.name !== name), secrets, get().oidcAccessToken);
      },
      setSecret(name, secret) {
        update(get().user, { ...get().secrets, [name]: secret }, get().oidcAccessToken);
      },
      setOidcAccessToken(token) {
        if (token === get().oidcAccessToken) return;
        update(get().user, get().secrets, token);
      },
    };
  });
  if (storage) {
    store.subscribe((state, previous) => {
      if (state.user === previous.user) return;
      try {
        storage.setItem(REGISTRY_STORAGE_KEY, JSON.stringify(persistedRegistryOf(state.user)));
      } catch (error) {
        store.setState({ storageNotice: `Your clouds could not be saved in this browser: ${error instanceof Error ? error.message : String(error)}` });
      }
    });
  }
  return store;
}

function load(storage: CloudRegistryStoreOptions['storage'], fixed: readonly CloudDefinition[], transportFor: TransportFor) {
  let text: string | null;
  try {
    text = storage?.getItem(REGISTRY_STORAGE_KEY) ?? null;
  } catch (error) {
    return { clouds: [], notice: `Saved clouds could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const loaded = loadPersistedRegistry(text, transportFor);
  const taken = new Set(fixed.map((cloud) => cloud.name));
  const clashes = loaded.clouds.filter((cloud) => taken.has(cloud.name)).map((cloud) => cloud.name);
  if (clashes.length === 0) return { clouds: loaded.clouds.map(withoutSecret), notice: loaded.notice };
  const notice = `Saved clouds with the name of a configured cloud were ignored: ${clashes.join(', ')}.`;
  return { clouds: loaded.clouds.filter((cloud) => !taken.has(cloud.name)).map(withoutSecret), notice: [loaded.notice, notice].filter(Boolean).join(' ') };
}

function secretsOf(clouds: readonly CloudDefinition[]): Record<string, string> {
  return Object.fromEntries(clouds.map((cloud) => [cloud.name, secretOf(cloud.auth)]).filter(([, secret]) => secret !== ''));
}

// Keyed by the definition object, so an unchanged cloud keeps its identity and its connection across updates.
const withSecrets = new WeakMap<CloudDefinition, { secret: string; cloud: CloudDefinition }>();

function effectiveClouds(
  fixed: readonly CloudDefinition[],
  user: readonly CloudDefinition[],
  secrets: Readonly<Record<string, string>>,
  oidcAccessToken: string | undefined,
): CloudDefinition[] {
  return [...fixed, ...user].map((definition) => {
    const secret = definition.browserLogin ? oidcAccessToken : secrets[definition.name];
    if (secret === undefined) return definition;
    const cached = withSecrets.get(definition);
    if (cached?.secret === secret) return cached.cloud;
    const cloud = { ...definition, auth: authWithSecret(definition.auth, secret) };
    withSecrets.set(definition, { secret, cloud });
    return cloud;
  });
}
