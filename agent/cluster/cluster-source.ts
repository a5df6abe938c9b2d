/**
 * What the agent needs to know about the cluster it runs in. Facts are kept close to the Kubernetes objects
 * (quantities stay strings) so that every interpretation lives in the pure, tested `status/` functions.
 */

/** Stable identity of a member cluster: the hub keys registrations on `clusterUid`. */
export interface ClusterIdentity {
  /** UID of the `kube-system` namespace: survives agent reinstalls, differs between clusters. */
  clusterUid: string;
  /** `gitVersion` from `/version`, e.g. `v1.34.2`. */
  kubernetesVersion: string;
}

/** Status of a node condition as Kubernetes spells it. */
export type ConditionStatus = "True" | "False" | "Unknown";

/** One node, reduced to what capacity reporting needs. */
export interface NodeFacts {
  name: string;
  /** Raw quantities by resource name (`cpu`, `memory`, `pods`, `nvidia.com/gpu`, ...). */
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  /** Condition type (`Ready`, `MemoryPressure`, ...) to status. */
  conditions: Record<string, ConditionStatus>;
  /** `spec.unschedulable` (cordoned). */
  unschedulable: boolean;
  labels: Record<string, string>;
}

/** Pod phases the agent lists: Succeeded and Failed pods hold no resources and are filtered out server-side. */
export type PodPhase = "Pending" | "Running" | "Unknown";

/** One non-terminated pod with the requests Kubernetes uses for scheduling. */
export interface PodFacts {
  namespace: string;
  name: string;
  /** Set once the scheduler bound the pod; unset means the pod still waits for a node. */
  nodeName?: string;
  phase: PodPhase;
  /** `resources.requests` of each app container. */
  containerRequests: Record<string, string>[];
  /** `resources.requests` of each init container (they run one after another, so the max counts). */
  initContainerRequests: Record<string, string>[];
  /** `spec.overhead` (RuntimeClass overhead), added on top. */
  overhead: Record<string, string>;
  nodeSelector: Record<string, string>;
  /** `metadata.labels` (blueprint labels are read from them). */
  labels?: Record<string, string>;
}

/** One namespace, for the blueprint labels it may carry. */
export interface NamespaceFacts {
  name: string;
  labels: Record<string, string>;
}

/** One persistent volume claim: storage is reported per storage class. */
export interface VolumeClaimFacts {
  namespace: string;
  name: string;
  /** Empty string when the claim names no class (and the cluster has no default). */
  storageClassName: string;
  /** `spec.resources.requests.storage`. */
  request: string;
  phase: "Pending" | "Bound" | "Lost";
}

/** Everything one observation of the cluster returned. */
export interface ClusterSnapshot {
  nodes: NodeFacts[];
  pods: PodFacts[];
  /** Undefined when the agent may not list claims (RBAC) or the source does not model them. */
  volumeClaims?: VolumeClaimFacts[];
  /** Names of the storage classes, when listable. */
  storageClasses?: string[];
  /** Undefined when the agent may not list namespaces or the source does not model them. */
  namespaces?: NamespaceFacts[];
}

/** Where cluster facts come from: the Kubernetes API or a simulation. */
export interface ClusterSource {
  identity(): Promise<ClusterIdentity>;
  snapshot(): Promise<ClusterSnapshot>;
}
