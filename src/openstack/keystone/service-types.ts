/**
 * Catalog service types and their historical aliases, from the OpenStack
 * service-types-authority (service-types.yaml, non-retired entries). A cloud
 * may still register Cinder as 'volumev3' or Manila as 'sharev2'; asking for
 * either name finds the other. Order matters: newer names come first.
 */
const AUTHORITY_ALIASES: Record<string, readonly string[]> = {
  'block-storage': ['volumev3', 'volumev2', 'volume', 'block-store'],
  baremetal: ['bare-metal'],
  'resource-optimization': ['infra-optim'],
  message: ['messaging'],
  'container-infrastructure-management': ['container-infrastructure', 'container-infra'],
  workflow: ['workflowv2'],
  'shared-file-system': ['sharev2', 'share'],
  alarm: ['alarming'],
  'application-container': ['container'],
  'root-cause-analysis': ['rca'],
  'monitoring-logging': ['monitoring-log-api'],
  'instance-ha': ['ha'],
  'admin-logic': ['registration'],
  // Not in the authority, but seen in deployments that registered Octavia by project name.
  'load-balancer': ['octavia'],
};

const OFFICIAL_BY_ALIAS = new Map<string, string>(
  Object.entries(AUTHORITY_ALIASES).flatMap(([official, aliases]) => aliases.map((alias) => [alias, official] as const)),
);

export function officialServiceType(type: string): string {
  return OFFICIAL_BY_ALIAS.get(type) ?? type;
}

/** Every catalog type that may serve `type`, the asked-for name first, then the official one, then the aliases. */
export function serviceTypeCandidates(type: string): string[] {
  const official = officialServiceType(type);
  return [...new Set([type, official, ...(AUTHORITY_ALIASES[official] ?? [])])];
}
