import type { FlavorShape, SecurityGroupRuleSpec, ServerActionName } from '../../openstack/index.ts';

/**
 * An action is a plan: concrete API calls per target, each saying what it
 * creates, changes or deletes. Plans are plain data so the audit log can keep
 * them and a run interrupted by a reload can be resumed from its plan.
 */
export type ActionKind = 'keypair-sync' | 'server-lifecycle' | 'flavor-parity' | 'security-group-sync' | 'image-replication' | 'fan-out-launch';

/** Where a step acts. The project is the one the cloud's session is scoped to. */
export interface ActionTarget {
  cloud: string;
  region: string;
}

/**
 * What a step does to the target. `no-change` and `conflict` steps are shown
 * in the preview but never sent: a conflict is never overwritten silently.
 */
export type StepChange = 'create' | 'change' | 'delete' | 'no-change' | 'conflict';

export type StepOperation =
  | { kind: 'import-keypair'; name: string; publicKey: string; keyType?: 'ssh' | 'x509' }
  | { kind: 'server-action'; serverId: string; serverName: string; action: ServerActionName }
  | { kind: 'delete-server'; serverId: string; serverName: string }
  | { kind: 'add-server-tag'; serverId: string; serverName: string; tag: string }
  | { kind: 'create-flavor'; flavor: FlavorShape }
  /** Adds extra specs to the target's flavor of that name; refused if any key has another value there by then. */
  | { kind: 'set-flavor-extra-specs'; flavorName: string; extraSpecs: Record<string, string> }
  /**
   * Ensures the group and its rules; a rule's remote group is the target's group of that name.
   * `createOnly`: the group is synced as another group's remote, so one already there is left as it is.
   */
  | { kind: 'sync-security-group'; name: string; description: string; rules: SecurityGroupRuleSpec[]; createOnly?: boolean }
  | { kind: 'create-server'; name: string; imageId: string; flavorId: string; networkId: string; keyName?: string; metadata: Record<string, string> }
  | ImageCopyOperation
  | ImageGlanceDownloadOperation
  | ImageStoreCopyOperation;

/** What a copy of an image is made from and checked against, whichever way its data travels. */
export interface ImageCopyFields {
  source: ActionTarget;
  sourceImageId: string;
  name: string;
  size: number;
  /** md5, as Glance computes it on upload: the copy must end with the same. */
  checksum: string;
  hashAlgo?: string;
  hashValue?: string;
  diskFormat: string;
  containerFormat: string;
  minDisk: number;
  minRam: number;
  tags: string[];
  /** Custom properties, plus the marker that finds a copy an interrupted run left queued. */
  properties: Record<string, string>;
}

/** Copy one image's data from the source through the browser, verified against the source's digests. */
export interface ImageCopyOperation extends ImageCopyFields {
  kind: 'copy-image';
}

/** Create the record at the target, then let its Glance pull the data from the source region's Glance (same Keystone). */
export interface ImageGlanceDownloadOperation extends ImageCopyFields {
  kind: 'glance-download-image';
}

/** Glance's copy-image: add a store of the image's own Glance to the stores holding an active image's data. */
export interface ImageStoreCopyOperation {
  kind: 'copy-image-to-store';
  imageId: string;
  name: string;
  store: string;
  size: number;
  checksum: string;
}

export interface PlanStep {
  /** Unique within the plan and stable: the run record keys step status by it. */
  id: string;
  target: ActionTarget;
  change: StepChange;
  /** The resource as an operator names it, e.g. `key pair deploy`, `server web-1`. */
  resource: string;
  /** The API call, e.g. `POST /os-keypairs`. */
  call: string;
  /** Why the step is what it is: the conflict, that the target's state could not be read, or what may stop it. */
  reason?: string;
  /** How the step does its work when there is a choice (e.g. an image's import method), and why that way. */
  method?: { name: string; why: string };
  /** Deletes something that cannot be brought back. */
  destructive: boolean;
  operation: StepOperation;
}

export interface ActionPlan {
  id: string;
  kind: ActionKind;
  /** One line for the log, e.g. `Key pair sync: deploy from core/eu-west-1 to 9 targets`. */
  title: string;
  createdAt: number;
  steps: PlanStep[];
}

export function targetKey(target: ActionTarget): string {
  return `${target.cloud}/${target.region}`;
}

/** Steps that will be sent when the plan runs. */
export function isActionable(step: PlanStep): boolean {
  return step.change === 'create' || step.change === 'change' || step.change === 'delete';
}

/** The clouds a plan's destructive steps touch: more than one calls for a typed confirmation. */
export function destructiveClouds(plan: ActionPlan): string[] {
  return [...new Set(plan.steps.filter((step) => step.destructive && isActionable(step)).map((step) => step.target.cloud))].sort();
}

export function needsTypedConfirmation(plan: ActionPlan): boolean {
  return destructiveClouds(plan).length > 1;
}

/** The plan's steps grouped per cloud, clouds in name order, for the preview. */
export function stepsByCloud(steps: readonly PlanStep[]): { cloud: string; steps: PlanStep[] }[] {
  const groups = new Map<string, PlanStep[]>();
  for (const step of steps) {
    const list = groups.get(step.target.cloud) ?? [];
    list.push(step);
    groups.set(step.target.cloud, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([cloud, list]) => ({ cloud, steps: list }));
}

export interface PlanCounts {
  create: number;
  change: number;
  delete: number;
  noChange: number;
  conflict: number;
}

export function countChanges(steps: readonly PlanStep[]): PlanCounts {
  const counts: PlanCounts = { create: 0, change: 0, delete: 0, noChange: 0, conflict: 0 };
  for (const step of steps) {
    if (step.change === 'no-change') counts.noChange += 1;
    else counts[step.change] += 1;
  }
  return counts;
}
