import type { MemberCluster } from "../../clusters/member-cluster.entity.js";
import type { ClusterTaint as StoredTaint } from "../../clusters/taints.js";
import type { CapacityOffer } from "../../offers/capacity-offer.entity.js";
import { offerForScheduler } from "../../offers/offer-for-scheduler.js";
import { COUNTRY_LABEL, JURISDICTION_LABEL } from "../scheduler/filters/residency.js";
import type {
  ClusterCandidate,
  ConditionStatus,
  NodeShape,
  ResourceAmounts,
  ResourceCapacity,
  TaintEffect,
} from "../scheduler/types.js";

/** The columns of a member cluster the scheduler reads. */
export type CandidateCluster = Pick<
  MemberCluster,
  | "id"
  | "cooperativeId"
  | "acceptance"
  | "revokedAt"
  | "conditions"
  | "taints"
  | "labels"
  | "leaseLostAt"
  | "latestReport"
>;

/** The columns of an offer version the scheduler reads (`offerForScheduler` reads no others). */
export type CandidateOffer = Pick<
  CapacityOffer,
  "id" | "version" | "status" | "caps" | "freeSharePercent" | "allow" | "deny" | "windows" | "preemptible"
>;

/** Live reservations on one cluster: all of them, and those of guests (consumer ≠ provider). */
export interface ClusterReservations {
  total: ResourceAmounts;
  guests: ResourceAmounts;
}

interface ReportFigures {
  allocatable: number;
  allocated: number;
  pending: number;
}

interface StoredReport {
  resources?: Record<string, ReportFigures>;
  gpus?: Record<string, ReportFigures>;
  storageClasses?: Record<string, { allocated: number; pending: number }>;
  freeNodeShapes?: Array<{ cpuAtLeastMillicores: number; memoryAtLeastBytes: number; nodes: number }>;
}

/**
 * The registry's taint effects (Kubernetes words) in the scheduler's (OCM words): NoSchedule keeps new placements
 * away but leaves running work (NoSelectIfNew), NoExecute keeps every placement away (NoSelect).
 */
const EFFECTS: Record<StoredTaint["effect"], TaintEffect> = {
  NoSchedule: "NoSelectIfNew",
  NoExecute: "NoSelect",
  PreferNoSchedule: "PreferNoSelect",
};

/** A lease lost within this window counts as a recent loss for the `leaseLosses` scorer. */
const RECENT_LOSS_MS = 24 * 3600 * 1000;

/**
 * Capacity per scheduler resource name from the latest report, with the live reservations added to `allocated`.
 * Reservations are counted ON TOP of what the report shows: once an agent applies the work, its pods appear in the
 * report's allocation too and are then counted twice. That is deliberate: conservative, it can refuse a placement
 * that would just have fitted, but it can never over-commit, whatever the report's age.
 *
 * Storage classes: Kubernetes knows no allocatable amount of a storage class, so the report has only what claims
 * use. A class has capacity only when the offer caps `storage:<class>`: the owner declares that much free for the
 * alliance (allocatable = cap + what the owner's claims use). Without a cap, `storage:<class>` does not fit.
 */
export function capacityOf(
  report: StoredReport | null,
  reserved: ResourceAmounts,
  offerCaps: ResourceAmounts = {},
): Record<string, ResourceCapacity> {
  const capacity: Record<string, ResourceCapacity> = {};
  const add = (name: string, figures: ReportFigures) => {
    capacity[name] = {
      allocatable: figures.allocatable,
      allocated: figures.allocated + (reserved[name] ?? 0),
      pending: figures.pending,
    };
  };
  for (const [name, figures] of Object.entries(report?.resources ?? {})) add(name, figures);
  for (const [model, figures] of Object.entries(report?.gpus ?? {})) add(`gpu:${model}`, figures);
  for (const [name, used] of Object.entries(report?.storageClasses ?? {})) {
    const cap = offerCaps[`storage:${name}`];
    if (cap !== undefined)
      add(`storage:${name}`, { ...used, allocatable: cap + used.allocated + used.pending });
  }
  return capacity;
}

function nodeShapesOf(report: StoredReport | null): NodeShape[] {
  return (report?.freeNodeShapes ?? []).map((shape) => ({
    cpuMillis: shape.cpuAtLeastMillicores,
    memoryBytes: shape.memoryAtLeastBytes,
    count: shape.nodes,
  }));
}

/**
 * Residency labels: clusters store `country` / `jurisdiction` (the registry's keys), the scheduler's residency
 * filter reads `alliance.coop/country` / `alliance.coop/jurisdiction`. An explicit `alliance.coop/` label wins.
 */
export function schedulerLabels(labels: Record<string, string>): Record<string, string> {
  const mapped = { ...labels };
  if (labels.country !== undefined && mapped[COUNTRY_LABEL] === undefined)
    mapped[COUNTRY_LABEL] = labels.country;
  if (labels.jurisdiction !== undefined && mapped[JURISDICTION_LABEL] === undefined)
    mapped[JURISDICTION_LABEL] = labels.jurisdiction;
  return mapped;
}

/**
 * The scheduler's view of one accepted member cluster: conditions, taints and labels from the registry, capacity
 * and free node shapes from the latest report plus live reservations, and its current offer (guests' reservations
 * as `usedByAlliance`). Pure.
 */
export function toCandidate(
  cluster: CandidateCluster,
  offer: CandidateOffer | undefined,
  reservations: ClusterReservations | undefined,
  now: Date,
): ClusterCandidate {
  const report = cluster.latestReport as StoredReport | null;
  const candidate: ClusterCandidate = {
    id: cluster.id,
    cooperativeId: cluster.cooperativeId,
    accepted: cluster.acceptance === "accepted" && cluster.revokedAt === null,
    conditions: cluster.conditions.map((condition) => ({
      type: condition.type,
      status: condition.status as ConditionStatus,
      reason: condition.reason,
      lastTransitionTime: new Date(condition.lastTransitionTime),
    })),
    taints: cluster.taints.map((taint) => ({
      key: taint.key,
      value: taint.value,
      effect: EFFECTS[taint.effect] ?? "NoSelect",
      timeAdded: new Date(taint.timeAdded),
    })),
    labels: schedulerLabels(cluster.labels),
    capacity: capacityOf(report, reservations?.total ?? {}, offer?.status === "active" ? offer.caps : {}),
    nodeShapes: nodeShapesOf(report),
    recentLeaseLosses:
      cluster.leaseLostAt && now.getTime() - cluster.leaseLostAt.getTime() < RECENT_LOSS_MS ? 1 : 0,
    existingReplicas: 0,
  };
  const schedulerOffer = offer
    ? offerForScheduler(offer as CapacityOffer, reservations?.guests ?? {})
    : undefined;
  if (schedulerOffer) candidate.offer = schedulerOffer;
  return candidate;
}
