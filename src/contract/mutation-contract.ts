import { describe, expect } from 'vitest';
import {
  createSecurityGroup,
  createSecurityGroupRule,
  deleteKeypair,
  deleteSecurityGroup,
  getKeypair,
  importKeypair,
  listKeypairs,
  listSecurityGroups,
  type ServiceHttp,
} from '../openstack/index.ts';
import { itNeeds } from './client-contract.ts';
import { contractClient, failureOf } from './contract-client.ts';
import type { ContractTarget } from './contract-target.ts';

/** A public key no seed holds; only its material matters to Nova. */
const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOr5xYwVq2f7Pp0k4QWm9n1Z3c8rLhT6bJd2sXyQeA1u contract@archipelago';

/**
 * The writes the action engine makes, against each backend: what the cloud
 * answers when a key pair is imported, read back, imported twice and deleted.
 * Every test creates a uniquely named key pair and deletes it at the end, so
 * the seeded resources stay as they were.
 */
export function describeMutationContract(target: ContractTarget): void {
  describe(`key pair writes (${target.name})`, () => {
    for (const cloud of target.clouds) {
      if (!cloud.services.includes('compute')) continue;
      const region = cloud.regions[0]?.name ?? '';
      itNeeds(cloud, ['compute'], `${cloud.name}: imports, reads back, refuses a duplicate and an unreadable key, deletes`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const compute: ServiceHttp = await client.serviceHttp('compute', region);
        const name = `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        try {
          const created = await importKeypair(compute, { name, publicKey: PUBLIC_KEY, type: 'ssh' });
          expect(created.keypair).toMatchObject({ name, public_key: PUBLIC_KEY, type: 'ssh' });
          expect(created.keypair.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
          expect(created.requestId).toMatch(/^req-/);

          const read = await getKeypair(compute, name);
          expect(read).toMatchObject({ name, public_key: PUBLIC_KEY, fingerprint: created.keypair.fingerprint });

          const duplicate = await failureOf(importKeypair(compute, { name, publicKey: PUBLIC_KEY }));
          expect(duplicate).toMatchObject({ kind: 'http', status: 409 });
          expect(duplicate.apiMessage).toContain(name);

          const unreadable = await failureOf(importKeypair(compute, { name: `${name}-bad`, publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBroken key' }));
          expect(unreadable).toMatchObject({ kind: 'http', status: 400 });

          const listed: string[] = [];
          for await (const page of listKeypairs(compute)) listed.push(...page.map((k) => k.name));
          expect(listed).toContain(name);
        } finally {
          await deleteKeypair(compute, name).catch(() => undefined);
        }
        expect(await getKeypair(compute, name)).toBeUndefined();
        expect(await failureOf(deleteKeypair(compute, name))).toMatchObject({ kind: 'not-found', status: 404 });
      });
    }
  });

  describe(`security group writes (${target.name})`, () => {
    for (const cloud of target.clouds) {
      if (!cloud.services.includes('network')) continue;
      const region = cloud.regions[0]?.name ?? '';
      itNeeds(cloud, ['network'], `${cloud.name}: creates a group with Neutron's egress rules, adds a rule once, deletes`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const network: ServiceHttp = await client.serviceHttp('network', region);
        const name = `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        const created = await createSecurityGroup(network, { name, description: 'contract test' });
        try {
          const group = created.securityGroup;
          expect(group).toMatchObject({ name, description: 'contract test' });
          expect(group.security_group_rules.map((rule) => `${rule.direction}/${rule.ethertype}/${rule.protocol ?? 'any'}`).sort()).toEqual(['egress/IPv4/any', 'egress/IPv6/any']);
          const ssh = { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '10.0.0.0/8', remoteSelf: false };
          const added = await createSecurityGroupRule(network, group.id, ssh);
          expect(added.rule).toMatchObject({ security_group_id: group.id, protocol: 'tcp', port_range_min: 22, remote_ip_prefix: '10.0.0.0/8', remote_group_id: null });
          expect(await failureOf(createSecurityGroupRule(network, group.id, ssh))).toMatchObject({ kind: 'http', status: 409 });
          const self = await createSecurityGroupRule(network, group.id, { ...ssh, remote_ip_prefix: null, remoteSelf: true });
          expect(self.rule.remote_group_id).toBe(group.id);
          const listed: string[] = [];
          for await (const page of listSecurityGroups(network)) listed.push(...page.filter((g) => g.id === group.id).map((g) => `${g.name}:${g.security_group_rules.length}`));
          expect(listed).toEqual([`${name}:4`]);
        } finally {
          await deleteSecurityGroup(network, created.securityGroup.id).catch(() => undefined);
        }
        expect(await failureOf(deleteSecurityGroup(network, created.securityGroup.id))).toMatchObject({ kind: 'not-found', status: 404 });
      });
    }
  });
}
