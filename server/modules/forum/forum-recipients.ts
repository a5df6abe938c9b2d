import type { EntityManager } from "typeorm";
import type { ForumAudience } from "./forum-category.entity.js";

/**
 * SQL condition: the person row `person` belongs to the audience `audience` (an SQL text expression). Mirrors the
 * `forum.read` rule: moderators and stewards belong to every audience. Used inside the statements that write
 * notifications, so a notification never points at a topic its recipient cannot open.
 */
export function audienceSql(person: string, audience: string): string {
  return `(${audience} IN ('everyone', 'signed_in')
    OR ${person}.hub_roles && ARRAY['moderator', 'steward']::text[]
    OR (${audience} <> 'moderators' AND EXISTS (
      SELECT 1 FROM membership m JOIN cooperative c ON c.id = m.cooperative_id
      WHERE m.person_id = ${person}.id AND c.status = 'approved'
        AND (${audience} = 'cooperatives' OR c.tier = 'tcc_member'))))`;
}

/** The people among `personIds` who belong to `audience` (see `audienceSql`). */
export async function filterAudience(
  manager: EntityManager,
  audience: ForumAudience,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  if (audience === "everyone" || audience === "signed_in") return new Set(personIds);
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT p.id FROM person p WHERE p.id = ANY($1) AND ${audienceSql("p", "$2::text")}`,
    [[...personIds], audience],
  );
  return new Set(rows.map((row) => row.id));
}
