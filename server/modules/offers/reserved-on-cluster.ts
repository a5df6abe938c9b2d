import type { EntityManager } from "typeorm";
import type { ResourceAmounts } from "../placement/scheduler/types.js";

/**
 * What alliance guests have reserved on a cluster, per resource.
 *
 * There are no placements yet: the placement module (reservations, work delivered by the agent) has not landed, so
 * nothing can be reserved and the honest answer is "nothing" — an empty map, i.e. zero for every resource. This is
 * NOT a stand-in pretending placements exist. When reservations land, this function sums the live reservations of
 * the cluster inside the caller's transaction (`manager`), and `CapacityOffer.overrun` starts showing real figures
 * with no change to its callers.
 */
export async function reservedOnCluster(
  _manager: EntityManager,
  _clusterId: string,
): Promise<ResourceAmounts> {
  return {};
}
