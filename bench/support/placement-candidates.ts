import { offerForScheduler } from "../../server/modules/offers/offer-for-scheduler.js";
import {
  COUNTRY_LABEL,
  JURISDICTION_LABEL,
} from "../../server/modules/placement/scheduler/filters/residency.js";
import type {
  ClusterCandidate,
  PlacementRequest,
  ResourceCapacity,
} from "../../server/modules/placement/scheduler/types.js";
import { fleetCluster } from "./placement-fleet.js";

interface Figures {
  allocatable: number;
  allocated: number;
  pending: number;
}
interface Report {
  resources: Record<string, Figures>;
  gpus: Record<string, Figures>;
  freeNodeShapes: Array<{ cpuAtLeastMillicores: number; memoryAtLeastBytes: number; nodes: number }>;
}

const capacityOf = ({ allocatable, allocated, pending }: Figures): ResourceCapacity => ({
  allocatable,
  allocated,
  pending,
});

/**
 * The scheduler's candidates for the seeded fleet, built in this process from the same layout and reports the
 * seed writes: the pure `schedule()` measured without a database. Each report is mapped once and shared by the
 * clusters that carry it, as a candidate cache would share unchanged rows.
 */
export function fleetCandidates(
  clusters: number,
  reports: ReadonlyArray<Record<string, unknown>>,
): ClusterCandidate[] {
  const now = new Date();
  const conditions = [
    { type: "Available", status: "True" as const, reason: "LeaseRenewed", lastTransitionTime: now },
    { type: "CapacityFresh", status: "True" as const, reason: "ReportFresh", lastTransitionTime: now },
  ];
  const mapped = reports.map((raw) => {
    const report = raw as unknown as Report;
    const capacity: Record<string, ResourceCapacity> = {
      cpu: capacityOf(report.resources.cpu),
      memory: capacityOf(report.resources.memory),
      pods: capacityOf(report.resources.pods),
      "storage:ephemeral": capacityOf(report.resources["ephemeral-storage"]),
    };
    for (const [model, figures] of Object.entries(report.gpus))
      capacity[`gpu:${model}`] = capacityOf(figures);
    const nodeShapes = report.freeNodeShapes.map((shape) => ({
      cpuMillis: shape.cpuAtLeastMillicores,
      memoryBytes: shape.memoryAtLeastBytes,
      count: shape.nodes,
    }));
    return { capacity, nodeShapes };
  });
  return Array.from({ length: clusters }, (_, index) => {
    const fleet = fleetCluster(index, clusters);
    const { capacity, nodeShapes } = mapped[fleet.template];
    const labels: Record<string, string> = { ...fleet.labels };
    labels[COUNTRY_LABEL] = fleet.labels.country;
    labels[JURISDICTION_LABEL] = fleet.labels.jurisdiction;
    const offer = fleet.offer
      ? offerForScheduler({
          id: `offer-${index}`,
          version: 1,
          status: "active",
          ...fleet.offer,
        } as Parameters<typeof offerForScheduler>[0])
      : undefined;
    return {
      id: `cluster-${index}`,
      cooperativeId: `coop-${fleet.cooperative}`,
      accepted: true,
      conditions,
      taints: [],
      labels,
      capacity,
      nodeShapes,
      offer,
      recentLeaseLosses: 0,
      existingReplicas: 0,
    };
  });
}

/** The request shapes the benchmark asks for: small enough that capacity lasts, and one for the scarce clusters. */
export function benchRequest(
  shape: "divided" | "duplicated" | "scarce",
  id: string,
  requesterCooperativeId: string,
): PlacementRequest {
  const base = {
    id,
    requesterCooperativeId,
    requesterTier: "alliance_partner",
    perReplica: { cpu: 250, memory: 256 * 1024 ** 2 },
    spread: {},
  };
  if (shape === "duplicated")
    return {
      ...base,
      replicas: 2,
      mode: { kind: "Duplicated", clusters: 2 },
      constraints: {
        jurisdictions: ["EU"],
        labelSelector: { matchExpressions: [{ key: "storage", operator: "In", values: ["ssd"] }] },
      },
    };
  if (shape === "scarce")
    return {
      ...base,
      replicas: 2,
      perReplica: { cpu: 500, memory: 512 * 1024 ** 2 },
      mode: { kind: "Divided" },
      constraints: { countries: ["IS"] },
    };
  return {
    ...base,
    replicas: 3,
    mode: { kind: "Divided" },
    constraints: { jurisdictions: ["EU", "CH"] },
    spread: { maxPerCluster: 1 },
  };
}
