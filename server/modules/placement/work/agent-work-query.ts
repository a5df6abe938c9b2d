import type { EntityManager } from "typeorm";
import type { ResourceAmounts } from "../scheduler/types.js";
import type { WorkDesiredState } from "../model/placement-work.entity.js";

/** One row of a cluster's live work, as the agent needs it. */
export interface AgentWorkRow {
  id: string;
  placementId: string;
  generation: number;
  desiredState: WorkDesiredState;
  namespace: string;
  guestCooperativeSlug: string;
  replicas: number;
  reservation: ResourceAmounts;
  manifests: Record<string, unknown>[];
}

/**
 * A cluster's live work (not yet released), PRESENT and ABSENT, oldest first. Agents poll this every ~10 s, so it
 * is one statement: the partial index `placement_work_cluster_live_idx` finds the rows, the cooperative's slug
 * comes by primary key.
 */
export async function listAgentWork(manager: EntityManager, clusterId: string): Promise<AgentWorkRow[]> {
  const rows: Array<{
    id: string;
    placement_id: string;
    generation: number;
    desired_state: WorkDesiredState;
    namespace: string;
    slug: string;
    replicas: number;
    reservation: ResourceAmounts;
    manifests: Record<string, unknown>[];
  }> = await manager.query(
    `SELECT w.id, w.placement_id, w.generation, w.desired_state, w.namespace, c.slug, w.replicas,
            w.reservation, w.manifests
       FROM placement_work w JOIN cooperative c ON c.id = w.consumer_cooperative_id
      WHERE w.cluster_id = $1 AND w.released_at IS NULL
      ORDER BY w.created_at, w.id`,
    [clusterId],
  );
  return rows.map((row) => ({
    id: row.id,
    placementId: row.placement_id,
    generation: row.generation,
    desiredState: row.desired_state,
    namespace: row.namespace,
    guestCooperativeSlug: row.slug,
    replicas: row.replicas,
    reservation: row.reservation,
    manifests: row.manifests,
  }));
}
