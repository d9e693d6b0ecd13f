import { DEFAULT_TOPOLOGY_RULES, type TopologyRules } from './topology-rules.ts';

let current: TopologyRules = DEFAULT_TOPOLOGY_RULES;

/**
 * Handed over once at boot: the runtime config's `topology` rules, or the
 * demo's when the demo runs without its own. The topology views are the
 * only readers, and the rules do not change while the console runs.
 */
export function setTopologyRules(rules: TopologyRules | undefined): void {
  current = rules ?? DEFAULT_TOPOLOGY_RULES;
}

export function configuredTopologyRules(): TopologyRules {
  return current;
}
