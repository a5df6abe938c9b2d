import type { EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import {
  type Cooperative,
  CooperativeEntity,
  type CooperativeStatus,
  type CooperativeTier,
} from "./cooperative.entity.js";
import { type Membership, MembershipEntity } from "./membership.entity.js";

export interface CooperativeListQuery {
  first: number;
  after?: string | null;
  status?: CooperativeStatus;
  tier?: CooperativeTier;
  search?: string;
  /** Stewards see every status; others see approved cooperatives and the applications they made. */
  viewer: { personId: string | null; isSteward: boolean };
}

/** The cooperative directory, ordered by name, paginated by keyset (name, id). */
export async function listCooperatives(
  manager: EntityManager,
  query: CooperativeListQuery,
): Promise<Connection<Cooperative> & { totalCount: number }> {
  const builder = manager.createQueryBuilder(CooperativeEntity, "cooperative");
  const status = query.status ?? "approved";
  builder.where("cooperative.status = :status", { status });
  if (!query.viewer.isSteward && status !== "approved") {
    builder.andWhere("cooperative.founded_by_id = :personId", { personId: query.viewer.personId });
  }
  if (query.tier) builder.andWhere("cooperative.tier = :tier", { tier: query.tier });
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    builder.andWhere("(cooperative.name ILIKE :pattern OR cooperative.slug ILIKE :pattern)", { pattern });
  }
  const totalCount = await builder.clone().getCount();
  if (query.after) {
    const [name, id] = decodeCursor(query.after, 2);
    builder.andWhere("(cooperative.name, cooperative.id) > (:name, :id)", { name, id });
  }
  const rows = await builder
    .orderBy("cooperative.name", "ASC")
    .addOrderBy("cooperative.id", "ASC")
    .take(query.first + 1)
    .getMany();
  return {
    ...toConnection(rows, query.first, (row) => [row.name, row.id], Boolean(query.after)),
    totalCount,
  };
}

/** Memberships of one cooperative or of one person, oldest first, paginated by keyset (createdAt, id). */
export async function listMemberships(
  manager: EntityManager,
  owner: { cooperativeId: string } | { personId: string },
  first: number,
  after?: string | null,
): Promise<Connection<Membership> & { totalCount: number }> {
  const builder = manager.createQueryBuilder(MembershipEntity, "membership");
  if ("cooperativeId" in owner) {
    builder.where("membership.cooperative_id = :id", { id: owner.cooperativeId });
  } else {
    builder.where("membership.person_id = :id", { id: owner.personId });
  }
  const totalCount = await builder.clone().getCount();
  if (after) {
    const [createdAt, id] = decodeCursor(after, 2);
    builder.andWhere("(membership.created_at, membership.id) > (:createdAt, :afterId)", {
      createdAt,
      afterId: id,
    });
  }
  const rows = await builder
    .orderBy("membership.created_at", "ASC")
    .addOrderBy("membership.id", "ASC")
    .take(first + 1)
    .getMany();
  return {
    ...toConnection(rows, first, (row) => [row.createdAt.toISOString(), row.id], Boolean(after)),
    totalCount,
  };
}
