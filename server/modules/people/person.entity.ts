import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";

/** Hub-wide roles given by the identity provider's groups. */
export type HubRole = "steward" | "moderator";

/** A person, created or updated from the OpenID claims at each sign-in. */
export interface Person {
  id: string;
  issuer: string;
  subject: string;
  email: string | null;
  name: string;
  handle: string;
  hubRoles: HubRole[];
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PersonEntity = new EntitySchema<Person>({
  name: "Person",
  tableName: "person",
  columns: {
    id: uuidPrimary,
    issuer: { type: "text" },
    subject: { type: "text" },
    email: { type: "text", nullable: true },
    name: { type: "text" },
    handle: { type: "text" },
    hubRoles: { type: "text", array: true, name: "hub_roles", default: () => "'{}'" },
    lastSignInAt: timestampColumn("last_sign_in_at", { nullable: true }),
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [
    { name: "person_identity_key", columns: ["issuer", "subject"] },
    { name: "person_handle_key", columns: ["handle"] },
  ],
});
