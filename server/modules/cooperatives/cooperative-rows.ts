import type { Cooperative, CooperativeStatus, CooperativeTier } from "./cooperative.entity.js";
import type { Membership, MembershipRole, MembershipSource } from "./membership.entity.js";

/**
 * Raw-SQL access for the hottest reads (the directory, a person's memberships): one round trip each, no ORM
 * hydration. Columns are selected with the alias given; `member_count` is computed in the same query.
 */
export const cooperativeColumns = (alias: string) =>
  `${alias}.id, ${alias}.slug, ${alias}.name, ${alias}.country, ${alias}.website, ${alias}.description, ${alias}.tier,
   ${alias}.status, ${alias}.founded_by_id, ${alias}.decided_by_id, ${alias}.decided_at, ${alias}.decision_note,
   ${alias}.created_at, ${alias}.updated_at,
   (SELECT count(*) FROM membership counted WHERE counted.cooperative_id = ${alias}.id)::int AS member_count`;

export interface CooperativeRow {
  id: string;
  slug: string;
  name: string;
  country: string;
  website: string | null;
  description: string;
  tier: CooperativeTier;
  status: CooperativeStatus;
  founded_by_id: string;
  decided_by_id: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
  updated_at: Date;
  member_count: number;
}

export function toCooperative(row: CooperativeRow): Cooperative {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    country: row.country,
    website: row.website,
    description: row.description,
    tier: row.tier,
    status: row.status,
    foundedById: row.founded_by_id,
    decidedById: row.decided_by_id,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    memberCount: Number(row.member_count),
  };
}

export interface MembershipRow {
  membership_id: string;
  cooperative_id: string;
  person_id: string;
  role: MembershipRole;
  source: MembershipSource;
  membership_created_at: Date;
  membership_updated_at: Date;
}

export function toMembership(row: MembershipRow): Membership {
  return {
    id: row.membership_id,
    cooperativeId: row.cooperative_id,
    personId: row.person_id,
    role: row.role,
    source: row.source,
    createdAt: row.membership_created_at,
    updatedAt: row.membership_updated_at,
  };
}
