import { EntitySchema } from "typeorm";
import type { BlueprintVersion } from "./blueprint-version.entity.js";
import type { SigningKey } from "./signing-key.entity.js";
import { createdAtColumn, uuidPrimary } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/**
 * The publisher's Ed25519 signature over a version's `SHA256SUMS` listing. `valid` is the cryptographic check made
 * at ingest against the named key of the publishing cooperative; a bad or foreign signature is kept (so the page
 * can say so) with `valid = false` and the reason in `problem`. Keyring trust is evaluated when read.
 */
export interface BlueprintSignature {
  id: string;
  versionId: string;
  signingKeyId: string | null;
  keyFingerprint: string;
  signature: string;
  valid: boolean;
  problem: string | null;
  createdAt: Date;
  version?: BlueprintVersion;
  signingKey?: SigningKey;
}

export const BlueprintSignatureEntity = new EntitySchema<BlueprintSignature>({
  name: "BlueprintSignature",
  tableName: "blueprint_signature",
  columns: {
    id: uuidPrimary,
    versionId: { type: "uuid", name: "version_id" },
    signingKeyId: { type: "uuid", name: "signing_key_id", nullable: true },
    keyFingerprint: { type: "text", name: "key_fingerprint" },
    signature: { type: "text" },
    valid: { type: "boolean" },
    problem: { type: "text", nullable: true },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "blueprint_signature_version_key", columns: ["versionId"] }],
  checks: [
    { name: "blueprint_signature_valid_check", expression: "NOT valid OR signing_key_id IS NOT NULL" },
  ],
  relations: {
    version: belongsTo("BlueprintVersion", "version_id", "blueprint_signature_version_fkey", "CASCADE"),
    signingKey: belongsTo("SigningKey", "signing_key_id", "blueprint_signature_key_fkey"),
  },
});
