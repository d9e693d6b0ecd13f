import type { CloudClient, CloudSession } from '../../openstack/index.ts';

/** A session this close to its end is renewed rather than shown as good. */
const RENEW_BEFORE_MS = 60_000;

/** The client's session while it has time left, else a fresh sign-in: looking at a cloud's token never mints a new one. */
export async function liveSession(client: CloudClient, now: number, signal?: AbortSignal): Promise<CloudSession> {
  const current = client.session();
  if (current && current.expiresAt.getTime() - now > RENEW_BEFORE_MS) return current;
  return client.signIn(signal);
}
