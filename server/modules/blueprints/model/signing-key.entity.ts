import { EntitySchema } from "typeorm";
import type { Cooperative } from "../../cooperatives/cooperative.entity.js";
import type { Person } from "../../people/person.entity.js";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/**
 * An Ed25519 public key a cooperative signs its blueprint versions with. `fingerprint` is the sha256 (hex) of the
 * raw 32-byte key; signatures name their key by it. A revoked key no longer verifies anything.
 */
export interface SigningKey {
  id: string;
  cooperativeId: string;
  name: string;
  /** The raw 32-byte public key, base64. */
  publicKey: string;
  fingerprint: string;
  createdById: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  cooperative?: Cooperative;
  createdBy?: Person;
}

export const SigningKeyEntity = new EntitySchema<SigningKey>({
  name: "SigningKey",
  tableName: "blueprint_signing_key",
  columns: {
    id: uuidPrimary,
    cooperativeId: { type: "uuid", name: "cooperative_id" },
    name: { type: "text" },
    publicKey: { type: "text", name: "public_key" },
    fingerprint: { type: "char", length: 64 },
    createdById: { type: "uuid", name: "created_by_id", nullable: true },
    createdAt: createdAtColumn,
    revokedAt: timestampColumn("revoked_at", { nullable: true }),
  },
  uniques: [{ name: "blueprint_signing_key_fingerprint_key", columns: ["fingerprint"] }],
  indices: [{ name: "blueprint_signing_key_cooperative_idx", columns: ["cooperativeId"] }],
  relations: {
    cooperative: belongsTo("Cooperative", "cooperative_id", "blueprint_signing_key_cooperative_fkey"),
    createdBy: belongsTo("Person", "created_by_id", "blueprint_signing_key_created_by_fkey"),
  },
});
