import { EntitySchema } from "typeorm";
import type { Person } from "../people/person.entity.js";
import { belongsTo } from "../../db/relations.js";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";

/** Tiers from the founding document. */
export const COOPERATIVE_TIERS = ["alliance_partner", "tcc_member", "vendor"] as const;
export type CooperativeTier = (typeof COOPERATIVE_TIERS)[number];

export const COOPERATIVE_STATUSES = ["pending", "approved", "declined"] as const;
export type CooperativeStatus = (typeof COOPERATIVE_STATUSES)[number];

/** A member organisation of the alliance. Founded by application, approved by a steward. */
export interface Cooperative {
  id: string;
  slug: string;
  name: string;
  country: string;
  website: string | null;
  description: string;
  tier: CooperativeTier;
  status: CooperativeStatus;
  foundedById: string;
  decidedById: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  foundedBy?: Person;
  /** Number of members, when the query that loaded the cooperative counted them (not a column). */
  memberCount?: number;
}

export const CooperativeEntity = new EntitySchema<Cooperative>({
  name: "Cooperative",
  tableName: "cooperative",
  columns: {
    id: uuidPrimary,
    slug: { type: "text" },
    name: { type: "text" },
    country: { type: "char", length: 2 },
    website: { type: "text", nullable: true },
    description: { type: "text", default: "" },
    tier: { type: "text" },
    status: { type: "text", default: "pending" },
    foundedById: { type: "uuid", name: "founded_by_id" },
    decidedById: { type: "uuid", name: "decided_by_id", nullable: true },
    decidedAt: timestampColumn("decided_at", { nullable: true }),
    decisionNote: { type: "text", name: "decision_note", nullable: true },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "cooperative_slug_key", columns: ["slug"] }],
  indices: [{ name: "cooperative_status_name_idx", columns: ["status", "name"] }],
  checks: [
    { name: "cooperative_tier_check", expression: "tier IN ('alliance_partner', 'tcc_member', 'vendor')" },
    { name: "cooperative_status_check", expression: "status IN ('pending', 'approved', 'declined')" },
  ],
  relations: {
    foundedBy: belongsTo("Person", "founded_by_id", "cooperative_founded_by_fkey"),
  },
});
