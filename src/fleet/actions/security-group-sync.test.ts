import { describe, expect, it } from 'vitest';
import type { SecurityGroupRuleSpec } from '../../openstack/index.ts';
import { dependencyOrder, planSecurityGroupSync, type GroupToSync, type TargetGroupsState } from './security-group-sync.ts';

const rule = (port: number, prefix = '0.0.0.0/0'): SecurityGroupRuleSpec => ({
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: 'tcp',
  port_range_min: port,
  port_range_max: port,
  remote_ip_prefix: prefix,
  remoteSelf: false,
});
const fromGroup = (port: number, remoteGroupName: string): SecurityGroupRuleSpec => ({ ...rule(port), remote_ip_prefix: null, remoteGroupName });
const fromSelf: SecurityGroupRuleSpec = { direction: 'ingress', ethertype: 'IPv4', protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remoteSelf: true };
const egress: SecurityGroupRuleSpec[] = ['IPv4', 'IPv6'].map((ethertype) => ({ direction: 'egress', ethertype, protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remoteSelf: false }));

const source = { cloud: 'ams', region: 'RegionOne' };
const fra = { cloud: 'fra', region: 'RegionOne' };
const par = { cloud: 'par', region: 'RegionOne' };

const group = (name: string, rules: SecurityGroupRuleSpec[], namedBy: string[] = [], uncopiable: string[] = []): GroupToSync => ({ name, description: `${name} tier`, rules: [...egress, ...rules], uncopiable, namedBy });
const read = (target: typeof fra, groups: Record<string, SecurityGroupRuleSpec[]>[]): TargetGroupsState => ({
  target,
  state: 'read',
  groups: groups.flatMap((entry) => Object.entries(entry).map(([name, rules]) => ({ name, rules: [...egress, ...rules] }))),
});

function plan(groups: GroupToSync[], targets: TargetGroupsState[]) {
  return planSecurityGroupSync({ planId: 'p', now: 0, source, groups, targets });
}

describe('planSecurityGroupSync', () => {
  it('creates a missing group, adds only missing rules, and leaves a complete group alone', () => {
    const web = group('web', [rule(80), rule(443)], [], ['address group 5b0f']);
    const result = plan(
      [web],
      [
        read(fra, []),
        read(par, [{ web: [rule(80), rule(22)] }]),
        read({ cloud: 'lon', region: 'RegionOne' }, [{ web: [rule(443), { ...rule(80), description: 'another text' }] }]),
        { target: { cloud: 'vie', region: 'RegionOne' }, state: 'unknown', error: 'timed out' },
      ],
    );
    expect(result.steps.map((step) => [step.target.cloud, step.change])).toEqual([
      ['fra', 'create'],
      ['par', 'change'],
      ['lon', 'no-change'],
      ['vie', 'create'],
    ]);
    expect(result.steps[0]?.reason).toBe('with 4 rules; 1 rule not copied, its remote cannot be named on another cloud (address group 5b0f)');
    expect(result.steps[1]).toMatchObject({ call: '1× POST /security-group-rules' });
    expect(result.steps[1]?.reason).toContain('1 rule only there left as they are');
    expect(result.steps[3]?.reason).toContain('timed out');
    expect(result.steps.every((step) => !step.destructive)).toBe(true);
    expect(result.title).toBe('Security group sync: web from ams/RegionOne to 4 targets');
  });

  it('copies a rule whose remote is the group itself, and finds it in place on a target whose group has it', () => {
    const web = group('web', [fromSelf]);
    const result = plan([web], [read(fra, []), read(par, [{ web: [fromSelf] }])]);
    expect(result.steps.map((step) => [step.target.cloud, step.change])).toEqual([
      ['fra', 'create'],
      ['par', 'no-change'],
    ]);
    expect(result.steps[0]?.operation).toMatchObject({ kind: 'sync-security-group', name: 'web', rules: [...egress, fromSelf] });
  });

  it('creates the group a rule names before the group that names it, and uses one already there as it is', () => {
    const web = group('web', [fromGroup(8080, 'db')]);
    const db = group('db', [fromGroup(5432, 'web'), fromSelf], ['web']);
    // db names web back: they name each other, so neither can be created first on a target that has neither.
    const oneWay = group('db', [fromSelf], ['web']);
    const result = plan([web, oneWay], [read(fra, []), read(par, [{ db: [rule(5432, '10.0.0.0/8')] }])]);
    expect(result.steps.map((step) => [step.target.cloud, step.resource, step.change])).toEqual([
      ['fra', 'security group db', 'create'],
      ['fra', 'security group web', 'create'],
      ['par', 'security group db', 'no-change'],
      ['par', 'security group web', 'create'],
    ]);
    expect(result.steps[0]?.reason).toBe('with 3 rules; the remote of web');
    expect(result.steps[0]?.operation).toMatchObject({ createOnly: true });
    expect(result.steps[1]?.operation).not.toHaveProperty('createOnly');
    expect(result.steps[2]?.reason).toBe('present; used as the remote of web, its own rules are not synced');
    expect(result.title).toBe('Security group sync: web (and 1 group it names) from ams/RegionOne to 2 targets');

    const cycle = plan([web, db], [read(fra, []), read(par, [{ db: [] }])]);
    expect(cycle.steps.map((step) => [step.target.cloud, step.resource, step.change])).toEqual([
      ['fra', 'security group db', 'conflict'],
      ['fra', 'security group web', 'conflict'],
      ['par', 'security group db', 'no-change'],
      ['par', 'security group web', 'create'],
    ]);
    expect(cycle.steps[0]?.reason).toBe('remote group web missing on fra/RegionOne, and it cannot be created before db: their rules name each other; db is not created there');
    expect(cycle.steps[1]?.reason).toBe('remote group db missing on fra/RegionOne, and not created there either (see its step); web is not created there');
  });

  it('calls a remote group that is neither on the target nor in the sync a conflict, and sends nothing for that group', () => {
    const web = group('web', [fromGroup(8080, 'db')]);
    const result = plan([web], [read(fra, []), read(par, [{ db: [] }]), read({ cloud: 'lon', region: 'RegionOne' }, [{ web: [] }])]);
    expect(result.steps.map((step) => [step.target.cloud, step.change, step.reason])).toEqual([
      ['fra', 'conflict', 'remote group db missing on fra/RegionOne; web is not created there'],
      ['par', 'create', 'with 3 rules'],
      ['lon', 'conflict', 'remote group db missing on lon/RegionOne; no rule is added'],
    ]);
    const ambiguous = plan([web], [read(fra, [{ db: [] }, { db: [] }])]);
    expect(ambiguous.steps[0]?.reason).toBe('remote group db is ambiguous on fra/RegionOne (2 groups of that name); web is not created there');
  });

  it('compares rules with a remote group by the group’s name, not its id', () => {
    const web = group('web', [fromGroup(8080, 'db'), fromSelf]);
    const db = group('db', [], ['web']);
    const result = plan([web, db], [read(fra, [{ db: [], web: [fromGroup(8080, 'db'), fromSelf] }]), read(par, [{ db: [], cache: [], web: [fromGroup(8080, 'cache'), fromSelf] }])]);
    expect(result.steps.map((step) => [step.target.cloud, step.resource, step.change, step.reason])).toEqual([
      ['fra', 'security group db', 'no-change', 'present; used as the remote of web, its own rules are not synced'],
      ['fra', 'security group web', 'no-change', undefined],
      ['par', 'security group db', 'no-change', 'present; used as the remote of web, its own rules are not synced'],
      ['par', 'security group web', 'change', 'adds 1 rule; 1 rule only there left as they are'],
    ]);
  });

  it('refuses to pick between two same-named groups on a target', () => {
    const result = plan([group('web', [rule(80)])], [read(fra, [{ web: [] }, { web: [] }])]);
    expect(result.steps.map((step) => [step.change, step.reason])).toEqual([['conflict', '2 groups are named web on fra/RegionOne: which one to sync is ambiguous']]);
  });
});

describe('dependencyOrder', () => {
  it('puts every group after the groups its rules name, and groups naming each other last', () => {
    const names = (groups: GroupToSync[]) => dependencyOrder(groups).map((entry) => entry.name);
    const app = group('app', [fromGroup(1, 'web'), fromGroup(2, 'db')]);
    const web = group('web', [fromGroup(3, 'lb'), fromSelf], ['app']);
    const db = group('db', [], ['app']);
    const lb = group('lb', [], ['web']);
    expect(names([app, web, db, lb])).toEqual(['db', 'lb', 'web', 'app']);
    expect(names([group('b', [fromGroup(1, 'a')]), group('a', [fromGroup(1, 'b')], ['b']), lb])).toEqual(['lb', 'a', 'b']);
  });
});
