import { describe, expect, it } from 'vitest';
import type { SecurityGroupRuleSpec } from '../../openstack/index.ts';
import { planSecurityGroupSync } from './security-group-sync.ts';

const rule = (port: number, prefix = '0.0.0.0/0'): SecurityGroupRuleSpec => ({
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: 'tcp',
  port_range_min: port,
  port_range_max: port,
  remote_ip_prefix: prefix,
  remoteSelf: false,
});
const egress: SecurityGroupRuleSpec[] = ['IPv4', 'IPv6'].map((ethertype) => ({ direction: 'egress', ethertype, protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remoteSelf: false }));

describe('planSecurityGroupSync', () => {
  it('creates a missing group, adds only missing rules, and leaves a complete group alone', () => {
    const rules = [...egress, rule(80), rule(443)];
    const plan = planSecurityGroupSync({
      planId: 'p',
      now: 0,
      source: { cloud: 'ams', region: 'RegionOne' },
      group: { name: 'web', description: 'HTTP(S)', rules },
      uncopiable: 1,
      targets: [
        { target: { cloud: 'fra', region: 'RegionOne' }, state: 'absent' },
        { target: { cloud: 'par', region: 'RegionOne' }, state: 'present', rules: [...egress, rule(80), rule(22)] },
        { target: { cloud: 'lon', region: 'RegionOne' }, state: 'present', rules: [...egress, rule(443), { ...rule(80), description: 'another text' }] },
        { target: { cloud: 'vie', region: 'RegionOne' }, state: 'unknown', error: 'timed out' },
      ],
    });
    expect(plan.steps.map((step) => [step.target.cloud, step.change])).toEqual([
      ['fra', 'create'],
      ['par', 'change'],
      ['lon', 'no-change'],
      ['vie', 'create'],
    ]);
    expect(plan.steps[0]?.reason).toBe('with 4 rules; 1 rule naming another group as remote not copied');
    expect(plan.steps[1]).toMatchObject({ call: '1× POST /security-group-rules' });
    expect(plan.steps[1]?.reason).toContain('1 rule only there left as they are');
    expect(plan.steps[3]?.reason).toContain('timed out');
    expect(plan.steps.every((step) => !step.destructive)).toBe(true);
  });
});
