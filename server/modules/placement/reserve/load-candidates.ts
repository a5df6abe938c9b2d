import type { EntityManager } from "typeorm";
import type { ClusterCondition } from "../../clusters/conditions.js";
import type { ClusterTaint } from "../../clusters/taints.js";
import type { StoredAudience, StoredWindow } from "../../offers/capacity-offer.entity.js";
import type { ClusterCandidate, ResourceAmounts } from "../scheduler/types.js";
import { candidateSnapshotOf } from "./candidate-snapshot.js";
import {
  type CandidateCluster,
  type CandidateOffer,
  type ClusterReservations,
  toCandidate,
} from "./candidate-mapping.js";

/** Candidates plus what the explanation needs to name them. */
export interface CandidateSet {
  candidates: ClusterCandidate[];
  clusters: Map<string, { id: string; name: string; cooperativeId: string }>;
}

/** A candidate set and how it was read. */
export interface LoadedCandidates extends CandidateSet {
  /** Read now (exactly, or a snapshot refreshed first); false: a process snapshot up to 250 ms old. */
  fresh: boolean;
}

/**
 * Live reservations per cluster (work rows not yet released), summed per resource in SQL: all of them, and
 * those of guests (consumer ≠ provider), which are what an offer's `usedByAlliance` counts.
 */
export async function liveReservations(
  manager: EntityManager,
  clusterIds?: readonly string[],
): Promise<Map<string, ClusterReservations>> {
  const rows: Array<{ cluster_id: string; resource: string; total: string; guests: string }> =
    await manager.query(
      `SELECT work.cluster_id, amount.key AS resource, sum(CAST(amount.value AS numeric)) AS total,
            sum(CASE WHEN work.provider_cooperative_id <> work.consumer_cooperative_id
                     THEN CAST(amount.value AS numeric) ELSE 0 END) AS guests
       FROM placement_work work, jsonb_each_text(work.reservation) AS amount
      WHERE work.released_at IS NULL ${clusterIds ? "AND work.cluster_id = ANY($1::uuid[])" : ""}
      GROUP BY work.cluster_id, amount.key`,
      clusterIds ? [clusterIds] : [],
    );
  const result = new Map<string, ClusterReservations>();
  for (const row of rows) {
    let entry = result.get(row.cluster_id);
    if (!entry) {
      entry = { total: {} as ResourceAmounts, guests: {} as ResourceAmounts };
      result.set(row.cluster_id, entry);
    }
    entry.total[row.resource] = Number(row.total);
    const guests = Number(row.guests);
    if (guests > 0) entry.guests[row.resource] = guests;
  }
  return result;
}

interface CandidateRow {
  id: string;
  name: string;
  cooperative_id: string;
  conditions: ClusterCondition[];
  taints: ClusterTaint[];
  labels: Record<string, string>;
  lease_lost_at: Date | string | null;
  resources: unknown;
  gpus: unknown;
  storage: unknown;
  shapes: unknown;
  offer_id: string | null;
  offer_version: number | null;
  offer_status: CandidateOffer["status"] | null;
  caps: Record<string, number> | null;
  free_share_percent: number | null;
  allow: StoredAudience | null;
  deny: StoredAudience | null;
  windows: StoredWindow[] | null;
  preemptible: boolean | null;
}

// One query, only the columns and report parts the scheduler reads: with 20,000 clusters, entity hydration and
// the rest of each report would cost more than the decision itself.
const CANDIDATES_SQL = `
  SELECT cluster.id, cluster.name, cluster.cooperative_id, cluster.conditions, cluster.taints, cluster.labels,
         cluster.lease_lost_at, cluster.latest_report -> 'resources' AS resources,
         cluster.latest_report -> 'gpus' AS gpus,
         cluster.latest_report -> 'storageClasses' AS storage, cluster.latest_report -> 'freeNodeShapes' AS shapes,
         offer.id AS offer_id, offer.version AS offer_version, offer.status AS offer_status, offer.caps,
         offer.free_share_percent, offer.allow, offer.deny, offer.windows, offer.preemptible
    FROM member_cluster cluster
    LEFT JOIN capacity_offer offer ON offer.cluster_id = cluster.id AND offer.superseded_at IS NULL
   WHERE cluster.acceptance = 'accepted' AND cluster.revoked_at IS NULL`;

function clusterOf(row: CandidateRow): CandidateCluster {
  return {
    id: row.id,
    cooperativeId: row.cooperative_id,
    acceptance: "accepted",
    revokedAt: null,
    conditions: row.conditions,
    taints: row.taints,
    labels: row.labels,
    leaseLostAt: row.lease_lost_at === null ? null : new Date(row.lease_lost_at),
    latestReport:
      row.resources === null && row.shapes === null
        ? null
        : {
            resources: row.resources ?? {},
            gpus: row.gpus ?? {},
            storageClasses: row.storage ?? {},
            freeNodeShapes: row.shapes ?? [],
          },
  };
}

function offerOf(row: CandidateRow): CandidateOffer | undefined {
  if (row.offer_id === null || row.offer_status === null) return undefined;
  return {
    id: row.offer_id,
    version: Number(row.offer_version),
    status: row.offer_status,
    caps: row.caps ?? {},
    freeSharePercent: row.free_share_percent === null ? null : Number(row.free_share_percent),
    allow: row.allow ?? { cooperatives: [], tiers: [] },
    deny: row.deny ?? { cooperatives: [], tiers: [] },
    windows: row.windows ?? [],
    preemptible: row.preemptible === true,
  };
}

/**
 * Scheduler candidates: every accepted, not revoked member cluster (or only `clusterIds`), with its current offer
 * and the live reservations. Read with the caller's manager: inside the reservation transaction after the
 * clusters' locks are held, each statement sees every reservation committed before it. `fresh`: a large fleet's
 * snapshot is refreshed first (by deltas) instead of answering from a read up to 250 ms old.
 */
export async function loadCandidates(
  manager: EntityManager,
  now: Date,
  clusterIds?: readonly string[],
  options: { fresh?: boolean } = {},
): Promise<LoadedCandidates> {
  // Large fleets: the process-local snapshot (a hint; the locked re-check reads exactly, see candidate-snapshot.ts).
  const cached = clusterIds
    ? undefined
    : await candidateSnapshotOf(manager).load(manager, now, options.fresh);
  if (cached) return { ...cached, fresh: options.fresh === true };
  const rows: CandidateRow[] = clusterIds
    ? await manager.query(`${CANDIDATES_SQL} AND cluster.id = ANY($1::uuid[])`, [clusterIds])
    : await manager.query(CANDIDATES_SQL);
  const reservations = await liveReservations(manager, clusterIds);
  if (clusterIds) {
    const fresh = rows.map((row) => ({
      cluster: { ...clusterOf(row), name: row.name },
      offer: offerOf(row),
    }));
    candidateSnapshotOf(manager).absorb(clusterIds, fresh, reservations, now);
  }
  return {
    candidates: rows.map((row) => toCandidate(clusterOf(row), offerOf(row), reservations.get(row.id), now)),
    clusters: new Map(
      rows.map((row) => [row.id, { id: row.id, name: row.name, cooperativeId: row.cooperative_id }]),
    ),
    fresh: true,
  };
}
