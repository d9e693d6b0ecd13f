/**
 * Nova's microversion negotiation: `OpenStack-API-Version: compute 2.x` wins
 * over the legacy `X-OpenStack-Nova-API-Version`; absent means 2.1.
 */
export const NOVA_MIN_MINOR = 1;
export const NOVA_MAX_MINOR = 96;
export const NOVA_MAX_VERSION = `2.${NOVA_MAX_MINOR}`;

export type Microversion =
  | { ok: true; minor: number }
  // Nova echoes a well-formed but unsupported version in the 406's headers.
  | { ok: false; status: 400 | 406; message: string; headers: Record<string, string> };

function requested(headers: Headers): string | null {
  const modern = headers.get('OpenStack-API-Version');
  if (modern !== null) {
    for (const part of modern.split(',')) {
      const [service, version] = part.trim().split(/\s+/, 2);
      if (service?.toLowerCase() === 'compute' && version !== undefined) return version;
    }
  }
  return headers.get('X-OpenStack-Nova-API-Version');
}

export function negotiateMicroversion(headers: Headers): Microversion {
  const value = requested(headers)?.trim();
  if (value === undefined || value === '') return { ok: true, minor: NOVA_MIN_MINOR };
  if (value.toLowerCase() === 'latest') return { ok: true, minor: NOVA_MAX_MINOR };
  const m = /^(\d+)\.(\d+)$/.exec(value);
  if (!m) {
    return { ok: false, status: 400, message: `API Version String ${value} is of invalid format. Must be of format MajorNum.MinorNum.`, headers: {} };
  }
  const minor = Number(m[2]);
  if (m[1] !== '2' || minor < NOVA_MIN_MINOR || minor > NOVA_MAX_MINOR) {
    return {
      ok: false,
      status: 406,
      message: `Version ${value} is not supported by the API. Minimum is 2.${NOVA_MIN_MINOR} and maximum is ${NOVA_MAX_VERSION}.`,
      headers: versionHeaders(`${m[1]}.${m[2]}`),
    };
  }
  return { ok: true, minor };
}

export function microversionHeaders(minor: number): Record<string, string> {
  return versionHeaders(`2.${minor}`);
}

function versionHeaders(version: string): Record<string, string> {
  return {
    'OpenStack-API-Version': `compute ${version}`,
    'X-OpenStack-Nova-API-Version': version,
    Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
  };
}
