import type { KubernetesObject } from "../manifests/pod-spec-of.js";

/** Label put on every object the agent applies for a placement, so it can find (and delete) exactly those. */
export const PLACEMENT_LABEL = "alliance.coop/placement";

/** Kinds whose `spec.replicas` is this cluster's share of the placement. */
const SCALED_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet"]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The objects one cluster's agent applies for a placement: a deep copy of the validated objects without
 * `metadata.namespace` (the agent puts them in the guest namespace), with `spec.replicas` of scaled workloads set
 * to the cluster's replicas, and every object labelled `alliance.coop/placement=<id>`. Pure.
 */
export function renderForCluster(
  objects: readonly KubernetesObject[],
  placementId: string,
  replicas: number,
): KubernetesObject[] {
  return objects.map((object) => {
    const copy = structuredClone(object) as KubernetesObject;
    const metadata = isRecord(copy.metadata) ? copy.metadata : {};
    delete metadata.namespace;
    const labels = isRecord(metadata.labels) ? metadata.labels : {};
    metadata.labels = { ...labels, [PLACEMENT_LABEL]: placementId };
    copy.metadata = metadata;
    if (typeof copy.kind === "string" && SCALED_KINDS.has(copy.kind)) {
      copy.spec = { ...(isRecord(copy.spec) ? copy.spec : {}), replicas };
    }
    return copy;
  });
}
