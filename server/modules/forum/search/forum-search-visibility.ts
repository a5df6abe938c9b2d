import type { EntityManager } from "typeorm";
import type { SearchVisibility } from "../../search/core/search-provider.js";
import type { ForumAudience } from "../forum-category.entity.js";

/**
 * Who may find a category's topics and posts in search, from its read audience. EVERYONE is public; SIGNED_IN is
 * any signed-in person; MODERATORS need the moderator role (stewards hold it too); COOPERATIVES and TCC_MEMBERS
 * list the approved cooperatives (of the tier) at index time; approving a cooperative re-indexes these categories
 * (`reindexForApprovedCooperative`, in the approval's transaction). Moderators can read cooperative categories in
 * the forum, but search cannot express "cooperatives OR moderators": they browse those categories instead.
 */
export async function forumSearchVisibility(
  manager: EntityManager,
  audience: ForumAudience,
): Promise<SearchVisibility> {
  switch (audience) {
    case "everyone":
      return { public: true };
    case "signed_in":
      return { public: false, signedIn: true };
    case "moderators":
      return { public: true, requiresRole: "moderator" };
    case "cooperatives":
      return { public: false, cooperativeIds: await approvedCooperatives(manager, null) };
    case "tcc_members":
      return { public: false, cooperativeIds: await approvedCooperatives(manager, "tcc_member") };
    default:
      return { public: false };
  }
}

async function approvedCooperatives(manager: EntityManager, tier: string | null): Promise<string[]> {
  const rows = (await manager.query(
    "SELECT id FROM cooperative WHERE status = 'approved' AND ($1::text IS NULL OR tier = $1) ORDER BY id",
    [tier],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}
