import { fitReplicas, forgetCapacityMemo } from "./replica-limits.js";
import { type FilterPlan, filterPlan, firstRejectionOf } from "./filter-chain.js";
import { assignReplicas } from "./replica-assignment.js";
import type { Assignment, ClusterExplanation, FilteredCluster, ScheduleResult } from "./schedule-result.js";
import { DEFAULT_WEIGHTS, SCORER_NAMES, SCORERS } from "./scorer-chain.js";
import { tieBreakKey } from "./tie-break.js";
import type {
  ClusterCandidate,
  PlacementRequest,
  ResourceAmounts,
  SchedulerWeights,
  SchedulingContext,
  ScorerName,
} from "./types.js";

/**
 * Clusters that passed every filter, kept as parallel arrays and ranked through an index array: with 20,000
 * candidates, one object per candidate less and a numeric sort keep the whole decision within a few milliseconds.
 */
interface Survivors {
  count: number;
  clusters: ClusterCandidate[];
  scores: Record<ScorerName, number>[];
  /** Typed arrays sized for every input cluster: no growth, no boxed numbers. */
  totals: Float64Array;
  tieKeys: Float64Array;
  fits: Float64Array;
}

function firstRejection(
  cluster: ClusterCandidate,
  request: PlacementRequest,
  context: SchedulingContext,
  plan: FilterPlan,
): FilteredCluster | undefined {
  const rejection = firstRejectionOf(cluster, request, context, plan);
  return rejection === undefined ? undefined : { clusterId: cluster.id, filtered: rejection };
}

function scoresOf(
  cluster: ClusterCandidate,
  request: PlacementRequest,
  context: SchedulingContext,
): Record<ScorerName, number> {
  return {
    freeCapacity: SCORERS.freeCapacity(cluster, request, context),
    fairShare: SCORERS.fairShare(cluster, request, context),
    balance: SCORERS.balance(cluster, request, context),
    keepExisting: SCORERS.keepExisting(cluster, request, context),
    leaseLosses: SCORERS.leaseLosses(cluster, request, context),
    preferOwn: SCORERS.preferOwn(cluster, request, context),
  };
}

// Spelled out rather than looped over SCORER_NAMES: keyed reads by a variable name are slow at 20,000 candidates.
function weightedTotal(scores: Record<ScorerName, number>, weights: SchedulerWeights): number {
  return (
    weights.freeCapacity * scores.freeCapacity +
    weights.fairShare * scores.fairShare +
    weights.balance * scores.balance +
    weights.keepExisting * scores.keepExisting +
    weights.leaseLosses * scores.leaseLosses +
    weights.preferOwn * scores.preferOwn
  );
}

/** A NaN or infinite weight would make totals incomparable and the ranking depend on input order. */
function assertFiniteWeights(weights: SchedulerWeights): void {
  for (const name of SCORER_NAMES) {
    if (!Number.isFinite(weights[name]))
      throw new RangeError(`scheduler weight ${name} must be a finite number`);
  }
}

/** Ranking: higher total first, then the tie-break hash, then (only on a hash collision) the id. */
function rank(survivors: Survivors): Uint32Array {
  const { clusters, totals, tieKeys } = survivors;
  const order = new Uint32Array(survivors.count);
  for (let index = 0; index < order.length; index++) order[index] = index;
  return order.sort((a, b) => {
    if (totals[a] !== totals[b]) return totals[b] - totals[a];
    if (tieKeys[a] !== tieKeys[b]) return tieKeys[a] - tieKeys[b];
    return clusters[a].id < clusters[b].id ? -1 : clusters[a].id > clusters[b].id ? 1 : 0;
  });
}

function assignmentFor(cluster: ClusterCandidate, request: PlacementRequest, replicas: number): Assignment {
  const reservation: ResourceAmounts = {};
  for (const resource in request.perReplica) reservation[resource] = replicas * request.perReplica[resource];
  return {
    clusterId: cluster.id,
    cooperativeId: cluster.cooperativeId,
    offerId: cluster.offer?.id,
    offerVersion: cluster.offer?.version,
    replicas,
    reservation,
  };
}

/**
 * Decides where a placement runs: filter every cluster, score the survivors, rank them (weighted total, then the
 * stable hash tie-break), hand out replicas by mode within the spread limits, and explain every cluster.
 * Pure and deterministic: the same request, clusters (in any order), context and weights give the same result.
 * Cluster ids must be unique.
 */
export function schedule(
  request: PlacementRequest,
  clusters: readonly ClusterCandidate[],
  context: SchedulingContext,
  weights: SchedulerWeights = DEFAULT_WEIGHTS,
): ScheduleResult {
  assertFiniteWeights(weights);
  forgetCapacityMemo();
  const plan = filterPlan(request);
  const filtered: FilteredCluster[] = [];
  const capacity = clusters.length;
  const survivors: Survivors = {
    count: 0,
    clusters: [],
    scores: [],
    totals: new Float64Array(capacity),
    tieKeys: new Float64Array(capacity),
    fits: new Float64Array(capacity),
  };
  for (const cluster of clusters) {
    const rejection = firstRejection(cluster, request, context, plan);
    if (rejection !== undefined) {
      filtered.push(rejection);
      continue;
    }
    const scores = scoresOf(cluster, request, context);
    const index = survivors.count++;
    survivors.clusters.push(cluster);
    survivors.scores.push(scores);
    survivors.totals[index] = weightedTotal(scores, weights);
    survivors.tieKeys[index] = tieBreakKey(request.id, cluster.id);
    survivors.fits[index] = fitReplicas(cluster, request);
  }
  const order = rank(survivors);
  const outcome = assignReplicas(request, order, survivors.clusters, survivors.fits);

  // Sized up front: one entry per input cluster.
  const explanation = new Array<ClusterExplanation>(clusters.length);
  const assignments: Assignment[] = [];
  for (let position = 0; position < order.length; position++) {
    const index = order[position];
    const cluster = survivors.clusters[index];
    const chosenReplicas = outcome.satisfied ? outcome.replicas[position] : 0;
    if (chosenReplicas > 0) assignments.push(assignmentFor(cluster, request, chosenReplicas));
    const scores = survivors.scores[index];
    explanation[position] = { clusterId: cluster.id, scores, total: survivors.totals[index], chosenReplicas };
  }
  for (let rejected = 0; rejected < filtered.length; rejected++)
    explanation[order.length + rejected] = filtered[rejected];

  if (!outcome.satisfied) {
    const { requestedReplicas, placeableReplicas } = outcome;
    return { ok: false, code: "NO_CAPACITY", requestedReplicas, placeableReplicas, explanation };
  }
  return { ok: true, assignments, explanation };
}
