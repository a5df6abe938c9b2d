import { EntitySchema } from "typeorm";
import { createdAtColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Person } from "../people/person.entity.js";
import type { Cooperative } from "./cooperative.entity.js";

export const MEMBERSHIP_ROLES = ["member", "admin"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Where a membership came from: the identity provider's groups claim keeps "oidc" ones in sync. */
export type MembershipSource = "manual" | "oidc" | "invitation";

/** A person's role in one cooperative. */
export interface Membership {
  id: string;
  cooperativeId: string;
  personId: string;
  role: MembershipRole;
  source: MembershipSource;
  createdAt: Date;
  updatedAt: Date;
  cooperative?: Cooperative;
  person?: Person;
}

export const MembershipEntity = new EntitySchema<Membership>({
  name: "Membership",
  tableName: "membership",
  columns: {
    id: uuidPrimary,
    cooperativeId: { type: "uuid", name: "cooperative_id" },
    personId: { type: "uuid", name: "person_id" },
    role: { type: "text" },
    source: { type: "text", default: "manual" },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "membership_cooperative_person_key", columns: ["cooperativeId", "personId"] }],
  indices: [{ name: "membership_person_idx", columns: ["personId"] }],
  checks: [
    { name: "membership_role_check", expression: "role IN ('member', 'admin')" },
    { name: "membership_source_check", expression: "source IN ('manual', 'oidc', 'invitation')" },
  ],
  relations: {
    cooperative: belongsTo("Cooperative", "cooperative_id", "membership_cooperative_fkey", "CASCADE"),
    person: belongsTo("Person", "person_id", "membership_person_fkey", "CASCADE"),
  },
});
