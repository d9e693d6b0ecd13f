import { defaultRuntimeConfig, parseRuntimeConfig, RUNTIME_CONFIG_PATH, type RuntimeConfig } from '../fleet/config/runtime-config.ts';

export interface LoadedRuntimeConfig {
  config: RuntimeConfig;
  /** Set when a file was served but could not be used; the console then starts with the defaults and says why. */
  error?: string;
}

/**
 * Reads the deployment's config file from the app's own origin. This is the
 * one fetch outside src/openstack: it never carries a token and never leaves
 * the origin that served the app.
 */
export async function loadRuntimeConfig(isDevelopment: boolean): Promise<LoadedRuntimeConfig> {
  const fallback = defaultRuntimeConfig(isDevelopment);
  let response: Response;
  try {
    response = await fetch(RUNTIME_CONFIG_PATH, { cache: 'no-store', credentials: 'same-origin' });
  } catch (error) {
    return { config: fallback, error: `could not be fetched: ${String(error)}` };
  }
  if (response.status === 404) return { config: fallback };
  if (!response.ok) return { config: fallback, error: `answered HTTP ${response.status}` };
  const text = await response.text();
  // The dev server answers unknown paths with index.html: that is "no config", not a broken one.
  if (text.trimStart().startsWith('<')) return { config: fallback };
  try {
    return { config: parseRuntimeConfig(JSON.parse(text)) };
  } catch (error) {
    return { config: fallback, error: error instanceof Error ? error.message : String(error) };
  }
}
