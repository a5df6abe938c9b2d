import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Person } from "../people/person.entity.js";
import type { Cooperative } from "./cooperative.entity.js";
import type { MembershipRole } from "./membership.entity.js";

/** An invitation by email to join a cooperative. The secret is shown once; only its hash is stored. */
export interface Invitation {
  id: string;
  cooperativeId: string;
  email: string;
  role: MembershipRole;
  secretHash: string;
  invitedById: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedById: string | null;
  revokedAt: Date | null;
  createdAt: Date;
  cooperative?: Cooperative;
  invitedBy?: Person;
  acceptedBy?: Person;
}

export const InvitationEntity = new EntitySchema<Invitation>({
  name: "Invitation",
  tableName: "invitation",
  columns: {
    id: uuidPrimary,
    cooperativeId: { type: "uuid", name: "cooperative_id" },
    email: { type: "text" },
    role: { type: "text" },
    secretHash: { type: "text", name: "secret_hash" },
    invitedById: { type: "uuid", name: "invited_by_id" },
    expiresAt: timestampColumn("expires_at"),
    acceptedAt: timestampColumn("accepted_at", { nullable: true }),
    acceptedById: { type: "uuid", name: "accepted_by_id", nullable: true },
    revokedAt: timestampColumn("revoked_at", { nullable: true }),
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "invitation_secret_hash_key", columns: ["secretHash"] }],
  indices: [{ name: "invitation_cooperative_idx", columns: ["cooperativeId"] }],
  checks: [{ name: "invitation_role_check", expression: "role IN ('member', 'admin')" }],
  relations: {
    cooperative: belongsTo("Cooperative", "cooperative_id", "invitation_cooperative_fkey", "CASCADE"),
    invitedBy: belongsTo("Person", "invited_by_id", "invitation_invited_by_fkey"),
    acceptedBy: belongsTo("Person", "accepted_by_id", "invitation_accepted_by_fkey"),
  },
});
