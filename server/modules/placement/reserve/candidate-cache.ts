import type { DataSource } from "typeorm";
import type { Assignment } from "../scheduler/schedule-result.js";
import type { ClusterCandidate, PlacementRequest } from "../scheduler/types.js";
import type { LoadedCandidates } from "./load-candidates.js";

/** How long a process reuses the candidates it read for the FIRST decision of a request. */
export const CANDIDATE_CACHE_MS = 2000;

/** A candidate with `assignment` reserved on top (a new object: the scheduler's memos key on identity). */
function withReservation(
  cluster: ClusterCandidate,
  request: PlacementRequest,
  assignment: Assignment,
): ClusterCandidate {
  const capacity = { ...cluster.capacity };
  for (const [resource, amount] of Object.entries(assignment.reservation)) {
    const figures = capacity[resource];
    if (figures) capacity[resource] = { ...figures, allocated: figures.allocated + amount };
  }
  const next: ClusterCandidate = { ...cluster, capacity };
  if (cluster.offer && cluster.cooperativeId !== request.requesterCooperativeId) {
    const used = { ...cluster.offer.usedByAlliance };
    for (const [resource, amount] of Object.entries(assignment.reservation))
      used[resource] = (used[resource] ?? 0) + amount;
    next.offer = { ...cluster.offer, usedByAlliance: used };
  }
  return next;
}

/**
 * The candidates one hub process read last, reused for up to {@link CANDIDATE_CACHE_MS} for the first,
 * UNLOCKED decision of a request: at 20,000 clusters reading them costs far more than deciding. Correctness never
 * depends on it: every decision is re-checked against data read under the chosen clusters' locks
 * (`decideAndReserve`), and an answer of NO_CAPACITY is only given on freshly read data. After each reservation
 * the chosen clusters are replaced by what was read under their locks plus the new reservation, so a burst of
 * requests keeps deciding on nearly current figures. One cache per data source (tests run several hubs).
 */
export class CandidateCache {
  private entry: { readAt: number; loaded: LoadedCandidates; index: Map<string, number> } | undefined;

  /** The cached candidates when read at most {@link CANDIDATE_CACHE_MS} before `now` (never from the future). */
  get(now: Date): LoadedCandidates | undefined {
    const age = this.entry ? now.getTime() - this.entry.readAt : Number.NaN;
    return age >= 0 && age <= CANDIDATE_CACHE_MS ? this.entry?.loaded : undefined;
  }

  /** Remembers a full read at `now`. */
  set(now: Date, loaded: LoadedCandidates): void {
    const index = new Map(loaded.candidates.map((cluster, position) => [cluster.id, position]));
    this.entry = { readAt: now.getTime(), loaded: { ...loaded, candidates: [...loaded.candidates] }, index };
  }

  /** Replaces clusters by `fresh` ones (read under their locks), with `assignments` of `request` on top. */
  refresh(
    fresh: readonly ClusterCandidate[],
    request: PlacementRequest,
    assignments: readonly Assignment[],
  ): void {
    if (!this.entry) return;
    const { candidates } = this.entry.loaded;
    for (const cluster of fresh) {
      const position = this.entry.index.get(cluster.id);
      if (position === undefined) continue;
      const assignment = assignments.find((candidate) => candidate.clusterId === cluster.id);
      candidates[position] = assignment ? withReservation(cluster, request, assignment) : cluster;
    }
  }
}

const caches = new WeakMap<DataSource, CandidateCache>();

/** The cache of one data source (one database). */
export function candidateCacheOf(dataSource: DataSource): CandidateCache {
  let cache = caches.get(dataSource);
  if (!cache) {
    cache = new CandidateCache();
    caches.set(dataSource, cache);
  }
  return cache;
}
