import { ruleKey, type SecurityGroupRuleSpec } from '../../openstack/index.ts';
import { targetKey, type ActionPlan, type ActionTarget, type PlanStep } from './plan.ts';

/** One group the sync copies, as read at the source; remote groups are written by name. */
export interface GroupToSync {
  name: string;
  description: string;
  /** The rules to copy. */
  rules: readonly SecurityGroupRuleSpec[];
  /** Rules left out, each as its remote: an address group, or a group the source project cannot name. */
  uncopiable: readonly string[];
  /** The synced groups whose rules name this one as their remote; empty for the group the user chose. */
  namedBy: readonly string[];
}

/** The groups of the session's project at a target, as read just before planning, or why they could not be read. */
export type TargetGroupsState =
  | { target: ActionTarget; state: 'read'; groups: readonly { name: string; rules: readonly SecurityGroupRuleSpec[] }[] }
  | { target: ActionTarget; state: 'unknown'; error: string };

export interface SecurityGroupSyncInput {
  planId: string;
  now: number;
  source: ActionTarget;
  /** The chosen group and the groups its rules name, in any order. */
  groups: readonly GroupToSync[];
  targets: readonly TargetGroupsState[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The other groups a rule set names as remote, in name order. */
export function remoteGroupNames(name: string, rules: readonly SecurityGroupRuleSpec[]): string[] {
  return [...new Set(rules.map((rule) => rule.remoteGroupName).filter((remote): remote is string => remote !== undefined && remote !== name))].sort();
}

/**
 * The groups in the order they can be created: a group after the groups its
 * rules name. Groups whose rules name each other come last, in name order;
 * the planner finds the one it cannot create first.
 */
export function dependencyOrder(groups: readonly GroupToSync[]): GroupToSync[] {
  const byName = new Map(groups.map((group) => [group.name, group]));
  const ordered: GroupToSync[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const group of [...groups].sort((a, b) => a.name.localeCompare(b.name))) {
      if (placed.has(group.name)) continue;
      const waitsFor = remoteGroupNames(group.name, group.rules).filter((name) => byName.has(name) && !placed.has(name));
      if (waitsFor.length > 0) continue;
      ordered.push(group);
      placed.add(group.name);
      progress = true;
    }
  }
  return [...ordered, ...groups.filter((group) => !placed.has(group.name)).sort((a, b) => a.name.localeCompare(b.name))];
}

function skippedNote(group: GroupToSync): string {
  if (group.uncopiable.length === 0) return '';
  return `; ${plural(group.uncopiable.length, 'rule')} not copied, ${group.uncopiable.length === 1 ? 'its remote' : 'their remotes'} cannot be named on another cloud (${[...new Set(group.uncopiable)].join(', ')})`;
}

function withRules(count: number): string {
  return `with ${plural(count, 'rule')}`;
}

/**
 * Security group sync: the chosen group, by name, with every rule of the
 * source, and the groups its rules name as remote. Per target, a group comes
 * after the groups it names, so each remote exists (or is created) before a
 * rule points at it; a rule's remote is the target's group of the same name.
 * Missing group → create it with its rules; missing rules → add them; rules
 * only the target has are left alone (a sync adds, it never takes away). A
 * group named only as a remote is created where it is missing and otherwise
 * used as it is. A remote group neither there nor in the sync is a conflict.
 */
export function planSecurityGroupSync(input: SecurityGroupSyncInput): ActionPlan {
  const ordered = dependencyOrder(input.groups);
  const synced = new Set(input.groups.map((group) => group.name));
  const chosen = input.groups.find((group) => group.namedBy.length === 0) ?? input.groups[0];
  const targets = input.targets.filter((entry) => targetKey(entry.target) !== targetKey(input.source));
  const steps = targets.flatMap((entry) => planTarget(entry, ordered, synced));
  const others = input.groups.length - 1;
  return {
    id: input.planId,
    kind: 'security-group-sync',
    title: `Security group sync: ${chosen?.name ?? ''}${others > 0 ? ` (and ${plural(others, 'group')} it names)` : ''} from ${targetKey(input.source)} to ${plural(targets.length, 'target')}`,
    createdAt: input.now,
    steps,
  };
}

function planTarget(entry: TargetGroupsState, ordered: readonly GroupToSync[], synced: ReadonlySet<string>): PlanStep[] {
  const where = targetKey(entry.target);
  // Names a rule may point at by the time a group's step runs: one group of that name there, or a synced group planned before.
  const available = new Set<string>();
  const counts = new Map<string, number>();
  if (entry.state === 'read') {
    for (const group of entry.groups) counts.set(group.name, (counts.get(group.name) ?? 0) + 1);
    for (const [name, count] of counts) if (count === 1) available.add(name);
  }
  // Synced groups whose step comes earlier: a remote among them that is not available could not be created.
  const planned = new Set<string>();
  return ordered.map((group): PlanStep => {
    planned.add(group.name);
    const onlyAsRemote = group.namedBy.length > 0;
    const base = {
      id: `${where}/security-group/${group.name}`,
      target: entry.target,
      resource: `security group ${group.name}`,
      destructive: false,
      operation: {
        kind: 'sync-security-group' as const,
        name: group.name,
        description: group.description,
        rules: [...group.rules],
        ...(onlyAsRemote ? { createOnly: true } : {}),
      },
    };
    const remoteNote = onlyAsRemote ? `; the remote of ${group.namedBy.join(', ')}` : '';
    const createCall = `POST /security-groups, ${plural(group.rules.length, 'rule')}`;
    const missingRemote = (rules: readonly SecurityGroupRuleSpec[]): string | undefined => {
      const missing = remoteGroupNames(group.name, rules).filter((name) => !available.has(name));
      if (missing.length === 0) return undefined;
      return missing
        .map((name) =>
          (counts.get(name) ?? 0) > 1
            ? `remote group ${name} is ambiguous on ${where} (${counts.get(name)} groups of that name)`
            : synced.has(name) && !planned.has(name)
              ? `remote group ${name} missing on ${where}, and it cannot be created before ${group.name}: their rules name each other`
              : synced.has(name)
                ? `remote group ${name} missing on ${where}, and not created there either (see its step)`
                : `remote group ${name} missing on ${where}`,
        )
        .join('; ');
    };
    const conflict = (reason: string): PlanStep => ({ ...base, change: 'conflict', call: '—', reason });
    const willExist = (step: PlanStep): PlanStep => {
      available.add(group.name);
      return step;
    };

    if (entry.state === 'unknown') {
      return willExist({ ...base, change: 'create', call: createCall, reason: `current state unknown (${entry.error}); looked up again before creating${remoteNote}` });
    }
    const count = counts.get(group.name) ?? 0;
    if (count > 1) return conflict(`${count} groups are named ${group.name} on ${where}: which one to sync is ambiguous`);
    const there = entry.groups.find((candidate) => candidate.name === group.name);
    if (!there) {
      const blocked = missingRemote(group.rules);
      if (blocked) return conflict(`${blocked}; ${group.name} is not created there`);
      return willExist({ ...base, change: 'create', call: createCall, reason: `${withRules(group.rules.length)}${skippedNote(group)}${remoteNote}` });
    }
    if (onlyAsRemote) return { ...base, change: 'no-change', call: '—', reason: `present; used as the remote of ${group.namedBy.join(', ')}, its own rules are not synced` };
    const present = new Set(there.rules.map(ruleKey));
    const wanted = new Set(group.rules.map(ruleKey));
    const missing = group.rules.filter((rule) => !present.has(ruleKey(rule)));
    const extra = there.rules.filter((rule) => !wanted.has(ruleKey(rule))).length;
    const extraNote = extra > 0 ? `${plural(extra, 'rule')} only there left as they are` : '';
    if (missing.length === 0) return { ...base, change: 'no-change', call: '—', reason: extraNote || undefined };
    const blocked = missingRemote(missing);
    if (blocked) return conflict(`${blocked}; no rule is added`);
    return { ...base, change: 'change', call: `${missing.length}× POST /security-group-rules`, reason: [`adds ${plural(missing.length, 'rule')}`, extraNote].filter(Boolean).join('; ') + skippedNote(group) };
  });
}
