import type { EntityManager } from "typeorm";
import type { ForumAudience } from "./forum-category.entity.js";

/**
 * The people among `personIds` who belong to `audience` (so a notification never points at a topic its recipient
 * cannot open). Mirrors the `forum.read` rule: moderators and stewards belong to every audience.
 */
export async function filterAudience(
  manager: EntityManager,
  audience: ForumAudience,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  if (audience === "everyone" || audience === "signed_in") return new Set(personIds);
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT p.id FROM person p WHERE p.id = ANY($1) AND (
       p.hub_roles && ARRAY['moderator', 'steward']::text[]
       OR ($2 <> 'moderators' AND EXISTS (
         SELECT 1 FROM membership m JOIN cooperative c ON c.id = m.cooperative_id
         WHERE m.person_id = p.id AND c.status = 'approved' AND ($2 = 'cooperatives' OR c.tier = 'tcc_member'))))`,
    [[...personIds], audience],
  );
  return new Set(rows.map((row) => row.id));
}
