import { describe, expect, it } from 'vitest';
import { OpenStackError, type ServiceHttp } from '../../openstack/index.ts';
import { fakeServiceHttp, novaRootDocument } from '../../openstack/testing/fake-service-http.ts';
import { createCloudStepExecutor, type TargetServices } from './cloud-steps.ts';
import type { PlanStep } from './plan.ts';

const KEY = 'ssh-ed25519 AAAAC3Nza ops';

function keypairStep(publicKey = KEY): PlanStep {
  return {
    id: 'x',
    target: { cloud: 'test-cloud', region: 'RegionOne' },
    change: 'create',
    resource: 'key pair deploy',
    call: 'POST /os-keypairs',
    destructive: false,
    operation: { kind: 'import-keypair', name: 'deploy', publicKey, keyType: 'ssh' },
  };
}

/** A Nova holding key pairs in memory; `loseNextAnswer` makes the next POST take effect and then fail like a dropped connection. */
function fakeNova(initial: { name: string; public_key: string }[] = []) {
  const keypairs = new Map(initial.map((k) => [k.name, k]));
  const state = { loseNextAnswer: false, posts: 0 };
  const http = fakeServiceHttp((request) => {
    if (request.url === '') return { body: novaRootDocument('2.96') };
    const name = decodeURIComponent(request.url.replace(/^os-keypairs\/?/, ''));
    if (request.method === 'POST') {
      state.posts += 1;
      const body = request.body as { keypair: { name: string; public_key: string } };
      if (keypairs.has(body.keypair.name)) throw new OpenStackError('conflict', { kind: 'http', cloud: 'test-cloud', status: 409 });
      keypairs.set(body.keypair.name, body.keypair);
      if (state.loseNextAnswer) {
        state.loseNextAnswer = false;
        throw new OpenStackError('POST os-keypairs: network error', { kind: 'network', cloud: 'test-cloud' });
      }
      return { status: 201, body: { keypair: { ...body.keypair, fingerprint: 'ff', type: 'ssh' } } };
    }
    const found = keypairs.get(name);
    if (!found) throw new OpenStackError('not found', { kind: 'not-found', cloud: 'test-cloud', status: 404 });
    return { body: { keypair: { ...found, fingerprint: 'ff', type: 'ssh' } } };
  });
  return { http, keypairs, state };
}

/** Every target and service answered by the one fake. */
function only(http: ServiceHttp): TargetServices {
  return { service: async () => http, projectId: () => undefined };
}

describe('cloud steps', () => {
  it('imports a missing key pair once and reports the request id', async () => {
    const nova = fakeNova();
    const execute = createCloudStepExecutor(only(nova.http));
    const outcome = await execute(keypairStep(), new AbortController().signal);
    expect(outcome.result).toBe('done');
    expect(outcome.requestIds).toHaveLength(1);
    expect(nova.keypairs.get('deploy')?.public_key).toBe(KEY);
  });

  it('finds the key pair created when the answer was lost, and a retry sends nothing more', async () => {
    const nova = fakeNova();
    nova.state.loseNextAnswer = true;
    const execute = createCloudStepExecutor(only(nova.http));
    expect((await execute(keypairStep(), new AbortController().signal)).result).toBe('done');
    expect((await execute(keypairStep(), new AbortController().signal)).result).toBe('already-done');
    expect(nova.state.posts).toBe(1);
    expect(nova.keypairs.size).toBe(1);
  });

  it('refuses to replace a different key that appeared since the plan was made', async () => {
    const nova = fakeNova([{ name: 'deploy', public_key: 'ssh-ed25519 OTHER ops' }]);
    const execute = createCloudStepExecutor(only(nova.http));
    await expect(execute(keypairStep(), new AbortController().signal)).rejects.toThrow(/different key/);
    expect(nova.state.posts).toBe(0);
  });

  it('passes a real failure on when the key pair is not there afterwards', async () => {
    const nova = fakeNova();
    const failing = createCloudStepExecutor(
      only({
        ...nova.http,
        request: (request) =>
          request.method === 'POST'
            ? Promise.reject(new OpenStackError('boom', { kind: 'http', cloud: 'test-cloud', status: 503, requestId: 'req-503' }))
            : nova.http.request(request),
      }),
    );
    await expect(failing(keypairStep(), new AbortController().signal)).rejects.toMatchObject({ requestId: 'req-503' });
  });
});
