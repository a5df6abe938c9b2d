import type { EntityManager } from "typeorm";
import { indexMemberCluster } from "../clusters/search/cluster-search-source.js";
import { indexForumCategory } from "../forum/search/forum-search-source.js";

/**
 * What the index stores about cooperatives, and when it goes stale:
 * - cooperative-only and TCC-only forum categories list the APPROVED cooperatives (of the tier) as their
 *   audience (`forumSearchVisibility`): a newly approved cooperative must be added, or its members would not find
 *   content the forum shows them;
 * - cluster documents carry the cooperative's NAME in their text: a rename must reach them.
 * Slugs never change, and blueprints and topics carry only the slug. Each call writes through the hub's indexer
 * in the caller's transaction (PostgreSQL: the index rows; Meilisearch: outbox entries), so the index changes
 * commit with the cooperative.
 */
export async function reindexForApprovedCooperative(
  manager: EntityManager,
  cooperative: { tier: string },
  now: Date,
): Promise<void> {
  const audiences = cooperative.tier === "tcc_member" ? ["cooperatives", "tcc_members"] : ["cooperatives"];
  const categories = (await manager.query(
    "SELECT id FROM forum_category WHERE read_audience = ANY($1::text[]) ORDER BY id",
    [audiences],
  )) as Array<{ id: string }>;
  for (const category of categories) await indexForumCategory(manager, category.id, now);
}

/** Re-indexes the live clusters of a renamed cooperative (their text holds the cooperative's name). */
export async function reindexForRenamedCooperative(
  manager: EntityManager,
  cooperativeId: string,
  now: Date,
): Promise<void> {
  const clusters = (await manager.query(
    "SELECT id FROM member_cluster WHERE cooperative_id = $1 AND revoked_at IS NULL ORDER BY id",
    [cooperativeId],
  )) as Array<{ id: string }>;
  for (const cluster of clusters) await indexMemberCluster(manager, cluster.id, now);
}
