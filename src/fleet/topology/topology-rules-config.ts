import { z } from 'zod';
import type { CloudRules, TopologyRules } from './topology-rules.ts';

/** A problem of the runtime config's `topology` section: which cloud (or `default`), which key, what is wrong. */
export interface TopologyRuleProblem {
  cloud: string;
  key: string;
  message: string;
}

const hasCaptureGroup = (pattern: string): boolean => {
  try {
    // An alternative that always matches shows how many groups the pattern has.
    return (new RegExp(`${pattern}|`).exec('')?.length ?? 0) > 1;
  } catch {
    return false;
  }
};

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const cellRuleSchema = z.discriminatedUnion('from', [
  z.object({
    from: z.literal('host-pattern'),
    pattern: nonEmpty.refine(hasCaptureGroup, 'must be a regular expression with a capture group, e.g. "-(c\\\\d+)-"'),
  }),
  z.object({ from: z.literal('aggregate-metadata'), key: nonEmpty }),
  z.object({ from: z.literal('host-map'), hosts: z.record(z.string(), nonEmpty) }),
]);

const siteRuleSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('availability-zone') }),
  z.object({ from: z.literal('aggregate-metadata'), key: nonEmpty }),
  z.object({ from: z.literal('whole-cloud') }),
]);

const cloudRulesSchema = z.object({ cells: cellRuleSchema.optional(), sites: siteRuleSchema.optional() });

const sectionSchema = z.object({
  default: z.unknown().optional(),
  clouds: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The runtime config's `topology` section: `default` rules and per-cloud
 * `clouds` rules (a name, or a pattern with `*`). Each entry is checked on
 * its own: a bad one is reported by cloud and key and left out, the others
 * still apply (the cloud falls back to the next rule that matches it).
 */
export function parseTopologyRules(raw: unknown): { rules?: TopologyRules; problems: TopologyRuleProblem[] } {
  if (raw === undefined) return { problems: [] };
  const section = sectionSchema.safeParse(raw);
  if (!section.success) return { problems: [{ cloud: '(all)', key: `topology.${pathOf(section.error.issues[0]?.path)}`.replace(/\.$/, ''), message: messageOf(section.error) }] };
  const problems: TopologyRuleProblem[] = [];
  const entry = (cloud: string, value: unknown): CloudRules | undefined => {
    const parsed = cloudRulesSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = cloud === 'default' ? 'topology.default' : `topology.clouds.${cloud}`;
    problems.push({ cloud, key: [where, pathOf(issue?.path)].filter(Boolean).join('.'), message: messageOf(parsed.error) });
    return undefined;
  };
  const rules: TopologyRules = {};
  if (section.data.default !== undefined) {
    const defaults = entry('default', section.data.default);
    if (defaults) rules.default = defaults;
  }
  const clouds: Record<string, CloudRules> = {};
  for (const [name, value] of Object.entries(section.data.clouds ?? {})) {
    const cloud = entry(name, value);
    if (cloud) clouds[name] = cloud;
  }
  if (Object.keys(clouds).length > 0) rules.clouds = clouds;
  return { rules, problems };
}

function pathOf(path: readonly PropertyKey[] | undefined): string {
  return (path ?? []).map(String).join('.');
}

function messageOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is invalid';
  return issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'is missing' : issue.message;
}
