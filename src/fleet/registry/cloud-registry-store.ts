import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CloudDefinition } from './cloud-definition.ts';
import { createCloudRegistry, DuplicateCloudError } from './cloud-registry.ts';
import { authWithSecret, secretOf, withoutSecret } from './cloud-secrets.ts';
import type { TransportFor } from './merge-import.ts';
import { loadPersistedRegistry, persistedRegistryOf, REGISTRY_STORAGE_KEY } from './persisted-registry.ts';
import { parseProjectChoices, PROJECT_CHOICES_STORAGE_KEY, serializeProjectChoices, type ChosenProject, type ProjectChoices } from './project-choices.ts';

export interface CloudRegistryState {
  /** Demo and runtime-config clouds: fixed for the page's life, never stored, never edited. */
  fixed: readonly CloudDefinition[];
  /** The operator's own clouds without their secrets: exactly what is stored. */
  user: readonly CloudDefinition[];
  /** Secrets by cloud name, for this tab's life only (DESIGN rule 7). */
  secrets: Readonly<Record<string, string>>;
  /** The access token of the console's OIDC sign-in, given to every `browserLogin` cloud; memory only, like the secrets. */
  oidcAccessToken?: string;
  /** Per cloud, the project chosen instead of the definition's; and whether views show every project. Stored: no secret. */
  projectChoices: ProjectChoices;
  /**
   * After sign-out every secret is withheld, the runtime config's too, so no
   * cloud signs in again behind the operator's back; a secret typed in later
   * still applies to its cloud. Memory only: a reload starts afresh.
   */
  signedOut: boolean;
  /** Every cloud in the operator's order, secrets and project choices applied: what views and connections use. */
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
  /** Scopes the cloud to this project from now on; none: back to the project its definition names. */
  chooseProject(cloud: string, project: ChosenProject | undefined): void;
  setAllProjects(allProjects: boolean): void;
  /** Forgets every secret and the OIDC access token (the caller revokes the tokens first). */
  signOut(): void;
  /** Lets the clouds whose secret is part of their definition (demo, runtime config) sign in again. */
  resumeSignIn(): void;
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
  const initialChoices = loadProjectChoices(storage);
  const store = createStore<CloudRegistryState>()((set, get) => {
    const update = (user: readonly CloudDefinition[], secrets: Readonly<Record<string, string>>, oidcAccessToken: string | undefined) =>
      set({ user, secrets, oidcAccessToken, clouds: effectiveClouds(get().fixed, user, { ...get(), secrets, oidcAccessToken }) });
    const overlay = (changes: Partial<Pick<CloudRegistryState, 'secrets' | 'oidcAccessToken' | 'projectChoices' | 'signedOut'>>) => {
      const next = { ...get(), ...changes };
      set({ ...changes, clouds: effectiveClouds(next.fixed, next.user, next) });
    };
    return {
      fixed,
      user: loaded.clouds,
      secrets: {},
      projectChoices: initialChoices,
      signedOut: false,
      clouds: effectiveClouds(fixed, loaded.clouds, { secrets: {}, oidcAccessToken: undefined, projectChoices: initialChoices, signedOut: false }),
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
        const { [name]: _choice, ...chosen } = get().projectChoices.chosen;
        set({ projectChoices: { ...get().projectChoices, chosen } });
        update(get().user.filter((c) => c.name !== name), secrets, get().oidcAccessToken);
      },
      setSecret(name, secret) {
        update(get().user, { ...get().secrets, [name]: secret }, get().oidcAccessToken);
      },
      setOidcAccessToken(token) {
        if (token === get().oidcAccessToken) return;
        update(get().user, get().secrets, token);
      },
      chooseProject(cloud, project) {
        const { [cloud]: _previous, ...others } = get().projectChoices.chosen;
        overlay({ projectChoices: { ...get().projectChoices, chosen: project ? { ...others, [cloud]: project } : others } });
      },
      setAllProjects(allProjects) {
        overlay({ projectChoices: { ...get().projectChoices, allProjects } });
      },
      signOut() {
        overlay({ secrets: {}, oidcAccessToken: undefined, signedOut: true });
      },
      resumeSignIn() {
        overlay({ signedOut: false });
      },
    };
  });
  if (storage) {
    store.subscribe((state, previous) => {
      if (state.projectChoices !== previous.projectChoices) saveProjectChoices(storage, state.projectChoices);
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

function loadProjectChoices(storage: CloudRegistryStoreOptions['storage']): ProjectChoices {
  try {
    return parseProjectChoices(storage?.getItem(PROJECT_CHOICES_STORAGE_KEY) ?? null);
  } catch {
    return parseProjectChoices(null);
  }
}

/** A choice that cannot be saved still holds for this tab; nothing else depends on it being stored. */
function saveProjectChoices(storage: Pick<Storage, 'setItem'>, choices: ProjectChoices): void {
  try {
    storage.setItem(PROJECT_CHOICES_STORAGE_KEY, serializeProjectChoices(choices));
  } catch {
    // Storage full or blocked: the registry's own notice already tells the operator storage is unusable.
  }
}

function secretsOf(clouds: readonly CloudDefinition[]): Record<string, string> {
  return Object.fromEntries(clouds.map((cloud) => [cloud.name, secretOf(cloud.auth)]).filter(([, secret]) => secret !== ''));
}

interface Overlay {
  secrets: Readonly<Record<string, string>>;
  oidcAccessToken?: string;
  projectChoices: ProjectChoices;
  signedOut: boolean;
}

// Keyed by the definition object, so an unchanged cloud keeps its identity and its connection across updates.
const applied = new WeakMap<CloudDefinition, { key: string; cloud: CloudDefinition }>();

function effectiveClouds(fixed: readonly CloudDefinition[], user: readonly CloudDefinition[], overlay: Overlay): CloudDefinition[] {
  return [...fixed, ...user].map((definition) => {
    const given = definition.browserLogin ? overlay.oidcAccessToken : overlay.secrets[definition.name];
    const secret = given ?? (overlay.signedOut ? '' : undefined);
    const projectId = overlay.projectChoices.chosen[definition.name]?.id;
    if (secret === undefined && projectId === undefined) return definition;
    const key = JSON.stringify([secret ?? null, projectId ?? null]);
    const cached = applied.get(definition);
    if (cached?.key === key) return cached.cloud;
    const cloud: CloudDefinition = {
      ...definition,
      auth: secret === undefined ? definition.auth : authWithSecret(definition.auth, secret),
      scope: projectId === undefined ? definition.scope : { projectId },
    };
    applied.set(definition, { key, cloud });
    return cloud;
  });
}
