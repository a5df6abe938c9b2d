import type { EntityManager } from "typeorm";
import { liveReservations } from "../placement/reserve/load-candidates.js";
import type { ResourceAmounts } from "../placement/scheduler/types.js";

/**
 * What alliance guests have reserved on a cluster, per resource: the sum of the live reservations (work rows not
 * yet released, also those being removed) of placements by other cooperatives than the cluster's own — the same
 * figure the scheduler uses as the offer's `usedByAlliance`. Read with the caller's `manager`.
 */
export async function reservedOnCluster(manager: EntityManager, clusterId: string): Promise<ResourceAmounts> {
  const reservations = await liveReservations(manager, [clusterId]);
  return reservations.get(clusterId)?.guests ?? {};
}
