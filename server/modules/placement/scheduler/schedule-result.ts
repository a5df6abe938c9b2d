import type { ResourceAmounts, ScorerName } from "./types.js";

/** Why a cluster was left out: the first filter that rejected it. */
export interface FilteredCluster {
  clusterId: string;
  filtered: { filter: string; reason: string };
}

/** A cluster that passed every filter: its scores, weighted total and the replicas it got (0 if not chosen). */
export interface ScoredCluster {
  clusterId: string;
  scores: Record<ScorerName, number>;
  total: number;
  chosenReplicas: number;
}

/** One line of the explanation, one per input cluster. */
export type ClusterExplanation = FilteredCluster | ScoredCluster;

/** What to reserve on one chosen cluster. `reservation` = replicas × perReplica. */
export interface Assignment {
  clusterId: string;
  cooperativeId: string;
  /** Absent when the requester runs on its own cluster without an offer. */
  offerId?: string;
  offerVersion?: number;
  replicas: number;
  reservation: ResourceAmounts;
}

/**
 * The decision. Explanation order: scored clusters best first, then filtered clusters in input order.
 * `NO_CAPACITY` reserves nothing; `placeableReplicas` says how many replicas the alliance could have taken.
 */
export type ScheduleResult =
  | { ok: true; assignments: Assignment[]; explanation: ClusterExplanation[] }
  | {
      ok: false;
      code: "NO_CAPACITY";
      requestedReplicas: number;
      placeableReplicas: number;
      explanation: ClusterExplanation[];
    };
