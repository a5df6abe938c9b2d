import type { EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import type { Cooperative, CooperativeStatus, CooperativeTier } from "./cooperative.entity.js";
import {
  type CooperativeRow,
  cooperativeColumns,
  type MembershipRow,
  toCooperative,
  toMembership,
} from "./cooperative-rows.js";
import type { Membership } from "./membership.entity.js";

export interface CooperativeListQuery {
  first: number;
  after?: string | null;
  status?: CooperativeStatus;
  tier?: CooperativeTier;
  search?: string;
  /** Stewards see every status; others see approved cooperatives and the applications they made. */
  viewer: { personId: string | null; isSteward: boolean };
}

type Counted = { total_count: string | number };

/**
 * The cooperative directory, ordered by name, paginated by keyset (name, id), with member counts: one query. The
 * total (before the keyset) comes from a window function over the filtered rows.
 */
export async function listCooperatives(
  manager: EntityManager,
  query: CooperativeListQuery,
): Promise<Connection<Cooperative> & { totalCount: number }> {
  const filterParams: unknown[] = [query.status ?? "approved"];
  const conditions = ["c.status = $1"];
  if (!query.viewer.isSteward && filterParams[0] !== "approved") {
    filterParams.push(query.viewer.personId);
    conditions.push(`c.founded_by_id = $${filterParams.length}`);
  }
  if (query.tier) {
    filterParams.push(query.tier);
    conditions.push(`c.tier = $${filterParams.length}`);
  }
  if (query.search) {
    filterParams.push(`%${query.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
    conditions.push(`(c.name ILIKE $${filterParams.length} OR c.slug ILIKE $${filterParams.length})`);
  }
  const where = conditions.join(" AND ");
  const params = [...filterParams];
  let keyset = "TRUE";
  if (query.after) {
    const [name, id] = decodeCursor(query.after, 2);
    params.push(name, id);
    keyset = `(c.name, c.id) > ($${params.length - 1}, $${params.length}::uuid)`;
  }
  params.push(query.first + 1);
  const rows: Array<CooperativeRow & Counted> = await manager.query(
    `WITH filtered AS (SELECT c.*, count(*) OVER () AS total_count FROM cooperative c WHERE ${where}),
          page AS (SELECT * FROM filtered c WHERE ${keyset} ORDER BY c.name, c.id LIMIT $${params.length})
     SELECT ${cooperativeColumns("c")}, c.total_count FROM page c ORDER BY c.name, c.id`,
    params,
  );
  // A page past the end has no row to carry the window count: count separately (rare).
  const totalCount = rows[0]
    ? Number(rows[0].total_count)
    : Number(
        (await manager.query(`SELECT count(*)::int AS n FROM cooperative c WHERE ${where}`, filterParams))[0]
          ?.n ?? 0,
      );
  const cooperatives = rows.map(toCooperative);
  return {
    ...toConnection(cooperatives, query.first, (row) => [row.name, row.id], Boolean(query.after)),
    totalCount,
  };
}

/**
 * Memberships of one cooperative or of one person, oldest first, paginated by keyset (createdAt, id), each with its
 * cooperative (and member count): one query. `onCooperative` lets the caller prime its per-request loader.
 */
export async function listMemberships(
  manager: EntityManager,
  owner: { cooperativeId: string } | { personId: string },
  first: number,
  after?: string | null,
  onCooperative?: (cooperative: Cooperative) => void,
): Promise<Connection<Membership> & { totalCount: number }> {
  const column = "cooperativeId" in owner ? "m.cooperative_id" : "m.person_id";
  const params: unknown[] = ["cooperativeId" in owner ? owner.cooperativeId : owner.personId];
  let keyset = "TRUE";
  if (after) {
    const [createdAt, id] = decodeCursor(after, 2);
    params.push(createdAt, id);
    keyset = `(m.membership_created_at, m.membership_id) > ($2::timestamptz, $3::uuid)`;
  }
  params.push(first + 1);
  const rows: Array<MembershipRow & CooperativeRow & Counted> = await manager.query(
    `WITH filtered AS (
       SELECT m.id AS membership_id, m.cooperative_id, m.person_id, m.role, m.source,
              m.created_at AS membership_created_at, m.updated_at AS membership_updated_at, count(*) OVER () AS total_count
         FROM membership m WHERE ${column} = $1
     ), page AS (
       SELECT * FROM filtered m WHERE ${keyset} ORDER BY m.membership_created_at, m.membership_id LIMIT $${params.length}
     )
     SELECT m.*, ${cooperativeColumns("c")} FROM page m JOIN cooperative c ON c.id = m.cooperative_id
      ORDER BY m.membership_created_at, m.membership_id`,
    params,
  );
  const memberships = rows.map((row) => {
    onCooperative?.(toCooperative(row));
    return toMembership(row);
  });
  const totalCount = rows[0]
    ? Number(rows[0].total_count)
    : Number(
        (
          await manager.query(`SELECT count(*)::int AS n FROM membership m WHERE ${column} = $1`, [params[0]])
        )[0]?.n ?? 0,
      );
  return {
    ...toConnection(memberships, first, (row) => [row.createdAt.toISOString(), row.id], Boolean(after)),
    totalCount,
  };
}
