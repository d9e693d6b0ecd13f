import { ruleKey, type SecurityGroupRuleSpec } from '../../openstack/index.ts';
import { targetKey, type ActionPlan, type ActionTarget, type PlanStep } from './plan.ts';

/** What a target holds under the group's name (in the session's project), as read just before planning. */
export type TargetGroupState =
  | { target: ActionTarget; state: 'absent' }
  | { target: ActionTarget; state: 'present'; rules: readonly SecurityGroupRuleSpec[] }
  | { target: ActionTarget; state: 'unknown'; error: string };

export interface SecurityGroupSyncInput {
  planId: string;
  now: number;
  source: ActionTarget;
  group: { name: string; description: string; rules: readonly SecurityGroupRuleSpec[] };
  /** Rules that name another group as their remote: another cloud has no such group, so they are not copied. */
  uncopiable: number;
  targets: readonly TargetGroupState[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Security group sync: the group, by name, with every rule of the source.
 * Missing group → create it with the rules; missing rules → add them; rules
 * only the target has are left alone (a sync adds, it never takes away).
 */
export function planSecurityGroupSync(input: SecurityGroupSyncInput): ActionPlan {
  const { group } = input;
  const skipped = input.uncopiable > 0 ? `; ${plural(input.uncopiable, 'rule')} naming another group as remote not copied` : '';
  const steps = input.targets
    .filter((entry) => targetKey(entry.target) !== targetKey(input.source))
    .map((entry): PlanStep => {
      const base = {
        id: `${targetKey(entry.target)}/security-group/${group.name}`,
        target: entry.target,
        resource: `security group ${group.name}`,
        destructive: false,
        operation: { kind: 'sync-security-group' as const, name: group.name, description: group.description, rules: [...group.rules] },
      };
      const createCall = `POST /security-groups, ${plural(group.rules.length, 'rule')}`;
      if (entry.state === 'absent') return { ...base, change: 'create', call: createCall, reason: `with ${plural(group.rules.length, 'rule')}${skipped}` };
      if (entry.state === 'unknown') return { ...base, change: 'create', call: createCall, reason: `current state unknown (${entry.error}); looked up again before creating` };
      const there = new Set(entry.rules.map(ruleKey));
      const wanted = new Set(group.rules.map(ruleKey));
      const missing = group.rules.filter((rule) => !there.has(ruleKey(rule))).length;
      const extra = entry.rules.filter((rule) => !wanted.has(ruleKey(rule))).length;
      const extraNote = extra > 0 ? `${plural(extra, 'rule')} only there left as they are` : '';
      if (missing === 0) return { ...base, change: 'no-change', call: '—', reason: extraNote || undefined };
      return { ...base, change: 'change', call: `${missing}× POST /security-group-rules`, reason: [`adds ${plural(missing, 'rule')}`, extraNote].filter(Boolean).join('; ') + skipped };
    });
  return {
    id: input.planId,
    kind: 'security-group-sync',
    title: `Security group sync: ${group.name} from ${targetKey(input.source)} to ${plural(steps.length, 'target')}`,
    createdAt: input.now,
    steps,
  };
}
