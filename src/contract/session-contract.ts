import { describe, expect, it } from 'vitest';
import { createCloudClient, createHttpPolicy } from '../openstack/index.ts';
import { applicationCredentialAuth, contractClient, passwordAuth } from './contract-client.ts';
import type { ContractTarget } from './contract-target.ts';

/**
 * Sessions per (cloud, project) and sign-out, the same against the simulator
 * and real Keystone: the user's projects are listed, each project gets a
 * token of its own, and a revoked token is refused from then on.
 */
export function describeSessionContract(target: ContractTarget): void {
  describe(`sessions and sign-out (${target.name})`, () => {
    for (const cloud of target.clouds) {
      describe(cloud.name, () => {
        it('lists the user’s projects, including the configured one, and scopes a token to each', async () => {
          const { client } = contractClient(target.fetch, cloud);
          const projects = await client.projects();
          expect(projects.map((p) => p.name)).toContain(cloud.scope.projectName);
          const other = projects.find((p) => p.name !== cloud.scope.projectName) ?? projects[0];
          if (!other) throw new Error('no project listed');
          const perProject = await createCloudClient({
            cloud: cloud.name,
            authUrl: cloud.authUrl,
            auth: passwordAuth(cloud),
            scope: { projectId: other.id },
            policy: createHttpPolicy({ fetch: target.fetch }),
          }).signIn();
          expect(perProject.project?.id).toBe(other.id);
          expect(perProject.token).not.toBe(client.session()?.token);
        });

        it('revokes the token at Keystone on sign-out: it is refused afterwards', async () => {
          const { client, wire } = contractClient(target.fetch, cloud);
          const { token } = await client.signIn();
          await client.revoke();
          expect(client.session()).toBeUndefined();
          expect(wire.at(-1)).toMatchObject({ method: 'DELETE', url: expect.stringMatching(/\/v3\/auth\/tokens$/) as unknown });
          const after = await target.fetch(`${cloud.authUrl.replace(/\/$/, '')}/auth/projects`, { method: 'GET', headers: { 'X-Auth-Token': token } });
          expect(after.status).toBe(401);
        });

        it('revokes the token a new sign-in replaces: one live token per client', async () => {
          const { client, wire } = contractClient(target.fetch, cloud);
          const first = await client.signIn();
          const second = await client.signIn();
          expect(second.token).not.toBe(first.token);
          const statusWith = async (token: string) =>
            (await target.fetch(`${cloud.authUrl.replace(/\/$/, '')}/auth/projects`, { method: 'GET', headers: { 'X-Auth-Token': token } })).status;
          // The revocation runs in the background: sign-in does not wait for it.
          await expect.poll(() => statusWith(first.token)).toBe(401);
          expect(wire.filter((call) => call.method === 'DELETE')).toHaveLength(1);
          expect(await statusWith(second.token)).toBe(200);
          await client.revoke();
        });

        it('revokes at sign-out a token the client let go of earlier', async () => {
          const { client } = contractClient(target.fetch, cloud);
          const { token } = await client.signIn();
          client.signOut();
          expect(await client.revoke()).toBe(1);
          const after = await target.fetch(`${cloud.authUrl.replace(/\/$/, '')}/auth/projects`, { method: 'GET', headers: { 'X-Auth-Token': token } });
          expect(after.status).toBe(401);
          await expect(client.signIn()).rejects.toThrow(/signed out/);
        });

        it('revokes an application-credential token too', async () => {
          const { client } = contractClient(target.fetch, cloud, { auth: applicationCredentialAuth(cloud) });
          const session = await client.signIn();
          expect(session.project).toBeDefined();
          await client.revoke();
          const after = await target.fetch(`${cloud.authUrl.replace(/\/$/, '')}/auth/projects`, { method: 'GET', headers: { 'X-Auth-Token': session.token } });
          expect(after.status).toBe(401);
        });
      });
    }
  });
}
