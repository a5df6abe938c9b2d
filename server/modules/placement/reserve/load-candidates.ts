import { type EntityManager, In, IsNull } from "typeorm";
import { type MemberCluster, MemberClusterEntity } from "../../clusters/member-cluster.entity.js";
import { type CapacityOffer, CapacityOfferEntity } from "../../offers/capacity-offer.entity.js";
import type { ClusterCandidate, ResourceAmounts } from "../scheduler/types.js";
import { candidateCacheOf } from "./candidate-cache.js";
import { type ClusterReservations, toCandidate } from "./candidate-mapping.js";

/** Candidates plus what the explanation needs to name them. */
export interface LoadedCandidates {
  candidates: ClusterCandidate[];
  clusters: Map<string, Pick<MemberCluster, "id" | "name" | "cooperativeId">>;
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

/**
 * Scheduler candidates: every accepted, not revoked member cluster (or only `clusterIds`), with its current offer
 * and the live reservations. Read with the caller's manager: inside the reservation transaction after the
 * clusters' locks are held, each statement sees every reservation committed before it.
 */
export async function loadCandidates(
  manager: EntityManager,
  now: Date,
  clusterIds?: readonly string[],
): Promise<LoadedCandidates> {
  // Large fleets: the process-local cache (a hint; the locked re-check below reads exactly, see candidate-cache.ts).
  const cached = clusterIds ? undefined : await candidateCacheOf(manager).load(manager, now);
  if (cached) return cached;
  const where = {
    acceptance: "accepted" as const,
    revokedAt: IsNull(),
    ...(clusterIds ? { id: In([...clusterIds]) } : {}),
  };
  const clusters = await manager.find(MemberClusterEntity, { where });
  const offers = await manager.find(CapacityOfferEntity, {
    where: { supersededAt: IsNull(), ...(clusterIds ? { clusterId: In([...clusterIds]) } : {}) },
  });
  const offerByCluster = new Map<string, CapacityOffer>(offers.map((offer) => [offer.clusterId, offer]));
  const reservations = await liveReservations(manager, clusterIds);
  if (clusterIds) candidateCacheOf(manager).absorb(clusterIds, clusters, offers, reservations, now);
  return {
    candidates: clusters.map((cluster) =>
      toCandidate(cluster, offerByCluster.get(cluster.id), reservations.get(cluster.id), now),
    ),
    clusters: new Map(
      clusters.map((cluster) => [
        cluster.id,
        { id: cluster.id, name: cluster.name, cooperativeId: cluster.cooperativeId },
      ]),
    ),
  };
}
