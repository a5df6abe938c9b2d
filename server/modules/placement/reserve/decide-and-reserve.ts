import type { EntityManager } from "typeorm";
import type { ScheduleResult } from "../scheduler/schedule-result.js";
import { DEFAULT_WEIGHTS } from "../scheduler/scorer-chain.js";
import type { PlacementRequest, SchedulerWeights, SchedulingContext } from "../scheduler/types.js";
import { type ClusterLocks, ReservationContention } from "./cluster-locks.js";
import { type LoadedCandidates, loadCandidates } from "./load-candidates.js";
import { candidateSnapshotOf } from "./candidate-snapshot.js";
import { recheckAssignments } from "./recheck.js";
import { scheduleCandidates } from "./schedule-candidates.js";

/** Decisions re-taken inside one transaction (with fresh data) before the whole transaction starts over. */
const RESCHEDULES_PER_TRANSACTION = 3;

/** A decision whose assignments are safe to write in the current transaction. */
export interface ReservedDecision {
  result: ScheduleResult;
  /** The candidates the decision was taken on (names for the explanation). */
  loaded: LoadedCandidates;
  context: SchedulingContext;
  weights: SchedulerWeights;
}

/**
 * Decides and reserves atomically, inside the caller's transaction:
 * 1. load every candidate (no locks; the first round may use this process's snapshot, see `candidate-snapshot.ts`)
 *    and `schedule` (`scheduleCandidates`) — NO_CAPACITY is only answered on freshly read candidates;
 * 2. lock the chosen clusters (`ClusterLocks`: advisory, sorted, deduplicated);
 * 3. re-read those clusters (reservations, report, offer version) — statements after the lock see every
 *    reservation committed by the previous holder — and re-check that the assignment still fits;
 * 4. if not, decide again with fresh data (bounded), else return: the caller writes the work rows before commit,
 *    still holding the locks, so no other transaction can have reserved the same room meanwhile.
 * Every writer of reservations goes through here, so two requests — also from two hub processes — never reserve
 * together more than a cluster or an offer has. `NO_CAPACITY` needs no lock: nothing is written for it.
 */
export async function decideAndReserve(
  manager: EntityManager,
  locks: ClusterLocks,
  request: PlacementRequest,
  options: {
    now: Date;
    fairShare: number;
    avoidClusterIds?: ReadonlySet<string>;
    weights?: SchedulerWeights;
  },
): Promise<ReservedDecision> {
  const context: SchedulingContext = { now: options.now, fairShare: options.fairShare };
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  for (let round = 0; round < RESCHEDULES_PER_TRANSACTION; round++) {
    const { result, loaded } = await scheduleCandidates(manager, request, context, weights, {
      fresh: round > 0,
      avoidClusterIds: options.avoidClusterIds,
    });
    if (!result.ok) return { result, loaded, context, weights };
    const chosen = result.assignments.map((assignment) => assignment.clusterId);
    await locks.acquire(manager, chosen);
    // Read under the locks (and handed to the process's snapshot by `loadCandidates`).
    const fresh = await loadCandidates(manager, options.now, chosen);
    const byId = new Map(fresh.candidates.map((cluster) => [cluster.id, cluster]));
    if (recheckAssignments(request, result.assignments, byId, context).ok) {
      candidateSnapshotOf(manager).reserve(result.assignments, request.requesterCooperativeId, options.now);
      return { result, loaded, context, weights };
    }
  }
  throw new ReservationContention();
}
