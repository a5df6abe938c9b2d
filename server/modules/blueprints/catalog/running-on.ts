import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { GraphQLContext } from "../../../graphql/context.js";

/** How many accepted clusters run a blueprint: in all, and per version. */
export interface RunningOn {
  total: number;
  byVersion: Map<string, number>;
}

/**
 * Counts, per blueprint (by id), the accepted and unrevoked member clusters whose agent reported the blueprint
 * (`cluster_running_blueprint`, replaced with every status report). Pending, denied and revoked clusters never
 * count, whatever they report. Reports match blueprints by name. One query for all blueprints of a request.
 */
export async function countRunningOn(
  dataSource: DataSource,
  blueprintIds: readonly string[],
): Promise<Map<string, RunningOn>> {
  const rows: Array<{ id: string; version: string | null; clusters: number }> = await dataSource.query(
    `SELECT b.id, r.version, count(DISTINCT r.cluster_id)::int AS clusters
       FROM blueprint b
       JOIN cluster_running_blueprint r ON r.name = b.name
       JOIN member_cluster c ON c.id = r.cluster_id
      WHERE b.id = ANY($1::uuid[]) AND c.acceptance = 'accepted' AND c.revoked_at IS NULL
      GROUP BY GROUPING SETS ((b.id, r.version), (b.id))`,
    [[...blueprintIds]],
  );
  const counts = new Map<string, RunningOn>(
    blueprintIds.map((id) => [id, { total: 0, byVersion: new Map<string, number>() }]),
  );
  for (const row of rows) {
    const entry = counts.get(row.id);
    if (!entry) continue;
    if (row.version === null) entry.total = Number(row.clusters);
    else entry.byVersion.set(row.version, Number(row.clusters));
  }
  return counts;
}

const LOADERS = new WeakMap<GraphQLContext, DataLoader<string, RunningOn>>();

/** The request's loader of {@link RunningOn} by blueprint id (a catalog page or a version list is one query). */
export function runningOnLoader(context: GraphQLContext): DataLoader<string, RunningOn> {
  let loader = LOADERS.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const counts = await countRunningOn(context.dataSource, ids);
      return ids.map((id) => counts.get(id) ?? { total: 0, byVersion: new Map() });
    });
    LOADERS.set(context, loader);
  }
  return loader;
}
