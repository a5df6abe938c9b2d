import { randomUUID } from "node:crypto";
import { type EntityManager, IsNull } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity.js";
import type { KubernetesObject } from "../manifests/pod-spec-of.js";
import type { Placement } from "../model/placement.entity.js";
import { type PlacementWork, PlacementWorkEntity } from "../model/placement-work.entity.js";
import { guestNamespaceName } from "../requests/guest-namespace-name.js";
import { renderForCluster } from "../requests/render-for-cluster.js";
import type { Assignment } from "../scheduler/schedule-result.js";
import type { ResourceAmounts } from "../scheduler/types.js";

function addAmounts(left: ResourceAmounts, right: ResourceAmounts): ResourceAmounts {
  const sum = { ...left };
  for (const resource in right) sum[resource] = (sum[resource] ?? 0) + right[resource];
  return sum;
}

/**
 * Writes one work row per assignment, inside the transaction that holds the clusters' locks: the reservation,
 * the offer version it was checked against, the guest namespace and the objects rendered for that cluster. When
 * the placement already has present work on the cluster (failover or the queue adding replicas), that row grows
 * instead (replicas and reservation added, generation bumped): one live row per (placement, cluster).
 */
export async function writeWork(
  manager: EntityManager,
  placement: Placement,
  cooperativeSlug: string,
  objects: readonly KubernetesObject[],
  assignments: readonly Assignment[],
  now: Date,
): Promise<PlacementWork[]> {
  const written: PlacementWork[] = [];
  for (const assignment of assignments) {
    const live = await manager.findOneBy(PlacementWorkEntity, {
      placementId: placement.id,
      clusterId: assignment.clusterId,
      releasedAt: IsNull(),
    });
    if (live) {
      const replicas = live.replicas + assignment.replicas;
      Object.assign(live, {
        replicas,
        reservation: addAmounts(live.reservation, assignment.reservation),
        manifests: renderForCluster(objects, placement.id, replicas),
        generation: live.generation + 1,
        offerId: assignment.offerId ?? live.offerId,
        offerVersion: assignment.offerVersion ?? live.offerVersion,
      });
      written.push(await manager.save(PlacementWorkEntity, live));
      continue;
    }
    const work: PlacementWork = {
      id: randomUUID(),
      placementId: placement.id,
      clusterId: assignment.clusterId,
      providerCooperativeId: assignment.cooperativeId,
      consumerCooperativeId: placement.cooperativeId,
      offerId: assignment.offerId ?? null,
      offerVersion: assignment.offerVersion ?? null,
      replicas: assignment.replicas,
      reservation: assignment.reservation,
      namespace: guestNamespaceName(cooperativeSlug, placement.id),
      manifests: renderForCluster(objects, placement.id, assignment.replicas),
      generation: 1,
      desiredState: "present",
      removalReason: null,
      observedGeneration: null,
      conditions: [],
      objects: [],
      reportedAt: null,
      availableSince: null,
      removalRequestedAt: null,
      releasedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    // insert, not save: save reads the row back for its defaults, a round trip per cluster for nothing.
    await manager.insert(PlacementWorkEntity, work as QueryDeepPartialEntity<PlacementWork>);
    written.push(work);
  }
  return written;
}
