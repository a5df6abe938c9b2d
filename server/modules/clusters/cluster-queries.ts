import type { EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { type ClusterEvent, ClusterEventEntity } from "./cluster-event.entity.js";
import {
  type ClusterAcceptance,
  type ClusterAvailability,
  type MemberCluster,
  MemberClusterEntity,
} from "./member-cluster.entity.js";
import { freeShapeMatches, type PodShape } from "./pod-shape.js";

/** Who is looking: accepted clusters are listed to everyone signed in, the rest to their cooperative and stewards. */
export interface ClusterViewer {
  isSteward: boolean;
  cooperativeIds: string[];
}

export interface MemberClusterListQuery {
  first: number;
  after?: string | null;
  cooperativeId?: string;
  availability?: ClusterAvailability;
  acceptance?: ClusterAcceptance;
  label?: { key: string; value: string };
  includeRevoked?: boolean;
  /** Only clusters with a free node of this shape in their latest report. */
  fits?: PodShape;
  viewer: ClusterViewer;
}

/** Whether `viewer` may see `cluster` at all. */
export function canSeeCluster(cluster: MemberCluster, viewer: ClusterViewer): boolean {
  return (
    viewer.isSteward ||
    viewer.cooperativeIds.includes(cluster.cooperativeId) ||
    (cluster.acceptance === "accepted" && !cluster.revokedAt)
  );
}

/** Member clusters by name, paginated by keyset (name, id). */
export async function listMemberClusters(
  manager: EntityManager,
  query: MemberClusterListQuery,
): Promise<Connection<MemberCluster> & { totalCount: number }> {
  const builder = manager.createQueryBuilder(MemberClusterEntity, "cluster");
  builder.where("1 = 1");
  if (!query.viewer.isSteward) {
    builder.andWhere(
      "((cluster.acceptance = 'accepted' AND cluster.revoked_at IS NULL) OR cluster.cooperative_id = ANY(:cooperativeIds))",
      { cooperativeIds: query.viewer.cooperativeIds },
    );
  }
  if (!query.includeRevoked) builder.andWhere("cluster.revoked_at IS NULL");
  if (query.cooperativeId) builder.andWhere("cluster.cooperative_id = :cooperativeId", query);
  if (query.availability) builder.andWhere("cluster.availability = :availability", query);
  if (query.acceptance) builder.andWhere("cluster.acceptance = :acceptance", query);
  if (query.label) {
    builder.andWhere("cluster.labels @> CAST(:label AS jsonb)", {
      label: JSON.stringify({ [query.label.key]: query.label.value }),
    });
  }
  if (query.fits) {
    builder.andWhere(`EXISTS (SELECT 1 ${freeShapeMatches(":fitCpu", ":fitMemory")})`, {
      fitCpu: query.fits.cpuMillicores,
      fitMemory: query.fits.memoryBytes,
    });
  }
  const totalCount = await builder.clone().getCount();
  if (query.after) {
    const [name, id] = decodeCursor(query.after, 2);
    builder.andWhere("(cluster.name, cluster.id) > (:name, :id)", { name, id });
  }
  const rows = await builder
    .orderBy("cluster.name", "ASC")
    .addOrderBy("cluster.id", "ASC")
    .take(query.first + 1)
    .getMany();
  return {
    ...toConnection(rows, query.first, (row) => [row.name, row.id], Boolean(query.after)),
    totalCount,
  };
}

/** A cluster's events, newest first, paginated by keyset (occurredAt, id). */
export async function listClusterEvents(
  manager: EntityManager,
  clusterId: string,
  first: number,
  after?: string | null,
): Promise<Connection<ClusterEvent>> {
  const builder = manager
    .createQueryBuilder(ClusterEventEntity, "event")
    .where("event.cluster_id = :clusterId", { clusterId });
  if (after) {
    const [occurredAt, id] = decodeCursor(after, 2);
    builder.andWhere("(event.occurred_at, event.id) < (:occurredAt, :id)", { occurredAt, id });
  }
  const rows = await builder
    .orderBy("event.occurred_at", "DESC")
    .addOrderBy("event.id", "DESC")
    .take(first + 1)
    .getMany();
  return toConnection(rows, first, (row) => [row.occurredAt.toISOString(), row.id], Boolean(after));
}

/** "Does a pod of this shape fit anywhere": accepted, available, unrevoked clusters with such a free node. */
export async function countClusterFit(
  manager: EntityManager,
  shape: PodShape,
): Promise<{ clusters: number; nodes: number }> {
  const [row]: Array<{ clusters: string; nodes: string }> = await manager.query(
    `SELECT COUNT(fit.nodes) AS clusters, COALESCE(SUM(fit.nodes), 0) AS nodes
       FROM member_cluster cluster
       CROSS JOIN LATERAL (SELECT SUM(CAST(shape ->> 'nodes' AS integer)) AS nodes ${freeShapeMatches("$1", "$2")}) fit
      WHERE cluster.acceptance = 'accepted' AND cluster.availability = 'true' AND cluster.revoked_at IS NULL`,
    [shape.cpuMillicores, shape.memoryBytes],
  );
  return { clusters: Number(row.clusters), nodes: Number(row.nodes) };
}
