/**
 * Plain data the placement scheduler works on. No entities, no database handles: the hub loads candidates inside
 * its transaction, calls `schedule`, and reserves what the result says.
 *
 * Resource names are shared by capacity, offers and requests: `cpu` (millicores), `memory` (bytes),
 * `storage:<class>` (bytes), `pods` (count), `gpu:<model>` (devices). A resource a cluster does not report has no
 * free capacity.
 */

/** Kubernetes-style condition status. */
export type ConditionStatus = "True" | "False" | "Unknown";

/** One entry of a cluster's health (Accepted, Available, CapacityFresh, ...). */
export interface ClusterCondition {
  type: string;
  status: ConditionStatus;
  reason: string;
  lastTransitionTime: Date;
}

/**
 * Taint effects follow Open Cluster Management: `NoSelect` keeps the cluster out of every placement,
 * `NoSelectIfNew` keeps it out only of placements that have no replicas there yet, `PreferNoSelect` does not filter.
 */
export type TaintEffect = "NoSelect" | "NoSelectIfNew" | "PreferNoSelect";

/** A mark on a cluster (unreachable, not-ready, maintenance) that placements must tolerate. */
export interface ClusterTaint {
  key: string;
  value?: string;
  effect: TaintEffect;
  /** When the taint appeared; lets a toleration with `tolerationSeconds` run out. */
  timeAdded?: Date;
}

/** A placement's permission to use a tainted cluster. */
export interface Toleration {
  key?: string;
  /** `Exists` matches any value; `Equal` (the default) needs the same value. */
  operator?: "Equal" | "Exists";
  value?: string;
  /** Absent means the toleration matches every effect. */
  effect?: TaintEffect;
  /** How long after `timeAdded` the taint is still tolerated; absent means forever. */
  tolerationSeconds?: number;
}

/** Resource amounts keyed by resource name, in base units. */
export type ResourceAmounts = Record<string, number>;

/** What a cluster reports for one resource. Free = allocatable - allocated - pending. */
export interface ResourceCapacity {
  allocatable: number;
  allocated: number;
  pending: number;
}

/** `count` nodes each have this much free room; a replica must fit on one node. */
export interface NodeShape {
  cpuMillis: number;
  memoryBytes: number;
  count: number;
}

/** Who may or may not use an offer. A list that is absent or empty says nothing. */
export interface OfferAudience {
  cooperatives?: string[];
  tiers?: string[];
}

/** A weekly window in which an offer can be used. `end` may be "24:00"; `end` before `start` crosses midnight. */
export interface OfferWindow {
  /** 0 = Sunday ... 6 = Saturday, in `timeZone`; a window crossing midnight belongs to the day it starts. */
  days: number[];
  start: string;
  end: string;
  /** IANA time zone; UTC when absent. */
  timeZone?: string;
}

/** The part of a cluster its cooperative shares with the alliance. */
export interface ClusterOffer {
  id: string;
  version: number;
  /** Most the alliance may use in total, per resource. A resource without a cap is limited by `freeShare` only. */
  caps?: ResourceAmounts;
  /** Share (0..1) of the capacity spare from the owner's point of view (free plus what the alliance uses). */
  freeShare?: number;
  allow: OfferAudience;
  deny: OfferAudience;
  /** Absent or empty: always open. */
  windows?: OfferWindow[];
  /** The owner may take the capacity back (evicting guests). */
  preemptible: boolean;
  /** What alliance guests already use on this cluster, per resource (already part of `allocated`). */
  usedByAlliance: ResourceAmounts;
}

/** Everything the scheduler needs to know about one member cluster. */
export interface ClusterCandidate {
  id: string;
  cooperativeId: string;
  accepted: boolean;
  conditions: ClusterCondition[];
  taints: ClusterTaint[];
  labels: Record<string, string>;
  capacity: Record<string, ResourceCapacity>;
  /** Free room per node, bucketed. */
  nodeShapes: NodeShape[];
  /** Absent: the cluster is not offered to the alliance (only its owner can use it). */
  offer?: ClusterOffer;
  /** Leases lost in the recent past (the caller chooses the window). */
  recentLeaseLosses: number;
  /**
   * Replicas of this placement already running here. Their reservation is counted in `allocated`,
   * `usedByAlliance` and the node shapes; the scheduler credits it back because a new decision replaces it.
   */
  existingReplicas: number;
}

/** Label selector with Kubernetes semantics. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** One `matchExpressions` entry. */
export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

/** Where a placement may and should run. */
export interface PlacementConstraints {
  /** The cluster's jurisdiction label must be one of these. */
  jurisdictions?: string[];
  /** The cluster's country label must be one of these. */
  countries?: string[];
  labelSelector?: LabelSelector;
  excludeOwnClusters?: boolean;
  preferOwnClusters?: boolean;
  tolerations?: Toleration[];
}

/** Upper bounds on replicas per cluster and per cooperative. */
export interface PlacementSpread {
  maxPerCluster?: number;
  maxPerCooperative?: number;
}

/**
 * `Duplicated`: each of `clusters` chosen clusters runs all replicas.
 * `Divided`: the replicas are split across clusters.
 */
export type PlacementMode = { kind: "Duplicated"; clusters: number } | { kind: "Divided" };

/** One cooperative's request to run a workload on the alliance's offered capacity. */
export interface PlacementRequest {
  id: string;
  requesterCooperativeId: string;
  requesterTier: string;
  replicas: number;
  perReplica: ResourceAmounts;
  mode: PlacementMode;
  constraints: PlacementConstraints;
  spread: PlacementSpread;
}

/** Names of the scorers, in the order they are reported. */
export type ScorerName =
  | "freeCapacity"
  | "fairShare"
  | "balance"
  | "keepExisting"
  | "leaseLosses"
  | "preferOwn";

/** Multiplier per scorer; 0 switches a scorer off. */
export type SchedulerWeights = Record<ScorerName, number>;

/** Facts about the moment of scheduling, injected so the scheduler stays pure. */
export interface SchedulingContext {
  now: Date;
  /** The requester's fair-share factor F (0..1) from the ledger. */
  fairShare: number;
}

/** A filter's answer. */
export type FilterResult = { ok: true } | { ok: false; reason: string };

/** A filter: decides whether a cluster can take the placement at all. */
export type Filter = (
  cluster: ClusterCandidate,
  request: PlacementRequest,
  context: SchedulingContext,
) => FilterResult;

/** A scorer: rates a cluster that passed every filter, -100 (worst) to 100 (best). */
export type Scorer = (
  cluster: ClusterCandidate,
  request: PlacementRequest,
  context: SchedulingContext,
) => number;
