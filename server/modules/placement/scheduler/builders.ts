import type {
  ClusterCandidate,
  ClusterOffer,
  ClusterTaint,
  ConditionStatus,
  NodeShape,
  PlacementRequest,
  ResourceAmounts,
  SchedulingContext,
} from "./types.js";

/** Bytes in one gibibyte. */
export const GIBIBYTE = 1024 ** 3;

const BUILDER_EPOCH = new Date("2026-11-25T12:00:00Z");

/**
 * Test data builder for a cluster: healthy, accepted, fresh, offered to everyone, empty until given capacity.
 * `newCluster("c1").withCpu(8000).withMemoryGi(32).withOffer({ freeShare: 0.5 }).build()`.
 */
export class ClusterBuilder {
  private readonly cluster: ClusterCandidate;

  constructor(id: string) {
    this.cluster = {
      id,
      cooperativeId: "coop-owner",
      accepted: true,
      conditions: [
        { type: "Available", status: "True", reason: "LeaseRenewed", lastTransitionTime: BUILDER_EPOCH },
        {
          type: "CapacityFresh",
          status: "True",
          reason: "ReportedRecently",
          lastTransitionTime: BUILDER_EPOCH,
        },
      ],
      taints: [],
      labels: {},
      capacity: {},
      nodeShapes: [],
      offer: newOffer({ id: `offer-${id}` }),
      recentLeaseLosses: 0,
      existingReplicas: 0,
    };
  }

  /** Sets allocatable cpu in millicores; also gives the cluster one node of that size unless shapes are set. */
  withCpu(millicores: number, allocated = 0, pending = 0): this {
    return this.withResource("cpu", millicores, allocated, pending);
  }

  /** Sets allocatable memory in GiB. */
  withMemoryGi(gibibytes: number, allocatedGi = 0, pendingGi = 0): this {
    return this.withResource("memory", gibibytes * GIBIBYTE, allocatedGi * GIBIBYTE, pendingGi * GIBIBYTE);
  }

  /** Sets any resource in base units. */
  withResource(resource: string, allocatable: number, allocated = 0, pending = 0): this {
    this.cluster.capacity[resource] = { allocatable, allocated, pending };
    return this;
  }

  /** Replaces the free node shape histogram. */
  withNodeShapes(...shapes: NodeShape[]): this {
    this.cluster.nodeShapes = shapes;
    return this;
  }

  withCooperative(cooperativeId: string): this {
    this.cluster.cooperativeId = cooperativeId;
    return this;
  }

  withLabels(labels: Record<string, string>): this {
    this.cluster.labels = { ...this.cluster.labels, ...labels };
    return this;
  }

  withTaint(taint: ClusterTaint): this {
    this.cluster.taints.push(taint);
    return this;
  }

  /** Sets (or adds) a condition. */
  withCondition(type: string, status: ConditionStatus, reason = "Test"): this {
    const others = this.cluster.conditions.filter((condition) => condition.type !== type);
    this.cluster.conditions = [...others, { type, status, reason, lastTransitionTime: BUILDER_EPOCH }];
    return this;
  }

  notAccepted(): this {
    this.cluster.accepted = false;
    return this;
  }

  /** Merges into the default offer. */
  withOffer(offer: Partial<ClusterOffer>): this {
    this.cluster.offer = newOffer({ ...this.cluster.offer, ...offer });
    return this;
  }

  withoutOffer(): this {
    this.cluster.offer = undefined;
    return this;
  }

  withLeaseLosses(count: number): this {
    this.cluster.recentLeaseLosses = count;
    return this;
  }

  withExistingReplicas(count: number): this {
    this.cluster.existingReplicas = count;
    return this;
  }

  /** Returns the cluster; without explicit shapes, all free cpu and memory sit on one node. */
  build(): ClusterCandidate {
    const shapes =
      this.cluster.nodeShapes.length > 0 ? this.cluster.nodeShapes : [singleNodeShape(this.cluster.capacity)];
    return structuredClone({ ...this.cluster, nodeShapes: shapes });
  }
}

function singleNodeShape(capacity: ClusterCandidate["capacity"]): NodeShape {
  const free = (resource: string): number => {
    const entry = capacity[resource];
    return entry === undefined ? 0 : Math.max(0, entry.allocatable - entry.allocated - entry.pending);
  };
  return { cpuMillis: free("cpu"), memoryBytes: free("memory"), count: 1 };
}

/** Starts a cluster builder. */
export function newCluster(id: string): ClusterBuilder {
  return new ClusterBuilder(id);
}

/** An offer open to everyone, always, with no caps. */
export function newOffer(overrides: Partial<ClusterOffer> = {}): ClusterOffer {
  return {
    id: "offer",
    version: 1,
    allow: {},
    deny: {},
    preemptible: false,
    usedByAlliance: {},
    ...overrides,
  };
}

/** A Divided request for one replica of 1 cpu / 1 GiB by `coop-requester`, overridable. */
export function newRequest(overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  const perReplica: ResourceAmounts = { cpu: 1000, memory: GIBIBYTE };
  return {
    id: "placement-1",
    requesterCooperativeId: "coop-requester",
    requesterTier: "tcc-member",
    replicas: 1,
    perReplica,
    mode: { kind: "Divided" },
    constraints: {},
    spread: {},
    ...overrides,
  };
}

/** A scheduling context at the builders' fixed instant with a neutral fair share. */
export function newContext(overrides: Partial<SchedulingContext> = {}): SchedulingContext {
  return { now: BUILDER_EPOCH, fairShare: 0.5, ...overrides };
}
