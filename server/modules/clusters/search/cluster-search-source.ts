import type { EntityManager } from "typeorm";
import { toGlobalId } from "../../../graphql/global-id.js";
import { stripHighlightMarkers } from "../../search/core/index.js";
import type { SearchDocument } from "../../search/core/search-provider.js";
import { searchIndexerFor } from "../../search/search-indexer.js";
import type { SearchSource } from "../../search/search-sources.js";

interface ClusterRow {
  id: string;
  name: string;
  kubernetes_version: string;
  labels: Record<string, string> | string;
  acceptance: string;
  cooperative_id: string;
  cooperative_name: string;
  cooperative_slug: string;
  created_at: Date | string;
  updated_at: Date | string;
}

/** Clusters that can be found: every cluster that is not revoked. */
const LIVE_CLUSTERS_SQL = `SELECT mc.id, mc.name, mc.kubernetes_version, mc.labels, mc.acceptance, mc.cooperative_id,
    c.name AS cooperative_name, c.slug AS cooperative_slug, mc.created_at, mc.updated_at
  FROM member_cluster mc JOIN cooperative c ON c.id = mc.cooperative_id
  WHERE mc.revoked_at IS NULL`;

const plain = (text: string) => stripHighlightMarkers(text);

function toDocument(row: ClusterRow): SearchDocument {
  const labels =
    typeof row.labels === "string" ? (JSON.parse(row.labels) as Record<string, string>) : row.labels;
  const labelText = Object.entries(labels ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  return {
    type: "cluster",
    id: row.id,
    title: plain(row.name),
    body: plain(`${row.cooperative_name}\n${labelText}\nKubernetes ${row.kubernetes_version}`),
    url: `/clusters/${toGlobalId("MemberCluster", row.id)}`,
    cooperativeId: row.cooperative_id,
    cooperativeSlug: row.cooperative_slug,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    // Accepted clusters are part of the federation: any signed-in person may find them. Pending and denied ones
    // only by their cooperative; stewards find those through the acceptance queue (search cannot express
    // "owner OR steward").
    visibility:
      row.acceptance === "accepted"
        ? { public: false, signedIn: true }
        : { public: false, cooperativeIds: [row.cooperative_id] },
  };
}

/**
 * Keeps one member cluster's search document current, in the caller's transaction: indexed (with its acceptance's
 * visibility) while it is not revoked, removed once it is.
 */
export async function indexMemberCluster(
  manager: EntityManager,
  clusterId: string,
  now: Date,
): Promise<void> {
  const [row] = (await manager.query(`${LIVE_CLUSTERS_SQL} AND mc.id = $1`, [clusterId])) as ClusterRow[];
  const indexer = searchIndexerFor(manager);
  if (row) await indexer.index(manager, [toDocument(row)], now);
  else await indexer.remove(manager, [{ type: "cluster", id: clusterId }], now);
}

/** Member clusters for the hub's search: name, cooperative, labels and Kubernetes version of every live cluster. */
export const memberClusterSearchSource: SearchSource = {
  name: "member clusters",
  async count(manager) {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS count FROM (${LIVE_CLUSTERS_SQL}) live`,
    )) as Array<{
      count: number;
    }>;
    return Number(row?.count ?? 0);
  },
  async *documents(manager) {
    const rows = (await manager.query(`${LIVE_CLUSTERS_SQL} ORDER BY mc.name, mc.id`)) as ClusterRow[];
    for (const row of rows) yield toDocument(row);
  },
};
