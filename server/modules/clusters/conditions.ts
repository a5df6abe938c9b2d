/** A condition in Kubernetes' shape (`metav1.Condition`), stored as JSON with ISO times. */
export interface ClusterCondition {
  type: ClusterConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
  /** ISO time the status last changed; kept when only reason or message change. */
  lastTransitionTime: string;
}

export type ConditionStatus = "True" | "False" | "Unknown";

/** Conditions the hub maintains for every cluster. */
export const CLUSTER_CONDITION_TYPES = [
  "Available",
  "CapacityFresh",
  "ClockSynced",
  "CredentialExpiring",
] as const;
export type ClusterConditionType = (typeof CLUSTER_CONDITION_TYPES)[number];

/** What a transition function wants a condition to be; the time is added by {@link setCondition}. */
export type ConditionUpdate = Omit<ClusterCondition, "lastTransitionTime">;

/**
 * Sets one condition, Kubernetes-style: `lastTransitionTime` moves only when the status changes. Returns a new
 * array ordered by {@link CLUSTER_CONDITION_TYPES}; the input is not modified.
 */
export function setCondition(
  conditions: readonly ClusterCondition[],
  update: ConditionUpdate,
  now: Date,
): ClusterCondition[] {
  const existing = conditions.find((condition) => condition.type === update.type);
  const lastTransitionTime =
    existing && existing.status === update.status ? existing.lastTransitionTime : now.toISOString();
  const others = conditions.filter((condition) => condition.type !== update.type);
  return [...others, { ...update, lastTransitionTime }].sort(
    (a, b) => CLUSTER_CONDITION_TYPES.indexOf(a.type) - CLUSTER_CONDITION_TYPES.indexOf(b.type),
  );
}

/** Applies several updates in order. */
export function setConditions(
  conditions: readonly ClusterCondition[],
  updates: readonly ConditionUpdate[],
  now: Date,
): ClusterCondition[] {
  return updates.reduce<ClusterCondition[]>(
    (current, update) => setCondition(current, update, now),
    [...conditions],
  );
}

/** The condition of a type, if set. */
export function findCondition(
  conditions: readonly ClusterCondition[],
  type: ClusterConditionType,
): ClusterCondition | undefined {
  return conditions.find((condition) => condition.type === type);
}

/** True when a transition of any condition's status happened between `before` and `after`. */
export function changedConditions(
  before: readonly ClusterCondition[],
  after: readonly ClusterCondition[],
): ClusterCondition[] {
  return after.filter((condition) => findCondition(before, condition.type)?.status !== condition.status);
}
