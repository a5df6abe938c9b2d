import { EntitySchema } from "typeorm";
import type { Person } from "../../people/person.entity.js";
import type { SigningKey } from "./signing-key.entity.js";
import { createdAtColumn } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/**
 * The alliance keyring: publisher keys a steward has checked and trusts. A signature is "verified against the
 * keyring" only when its key is listed here (and not revoked); removing the entry withdraws that at once, because
 * the status is computed when read, never stored.
 */
export interface KeyringEntry {
  signingKeyId: string;
  trustedById: string;
  note: string;
  createdAt: Date;
  signingKey?: SigningKey;
  trustedBy?: Person;
}

export const KeyringEntryEntity = new EntitySchema<KeyringEntry>({
  name: "KeyringEntry",
  tableName: "blueprint_keyring_entry",
  columns: {
    signingKeyId: { type: "uuid", name: "signing_key_id", primary: true },
    trustedById: { type: "uuid", name: "trusted_by_id" },
    note: { type: "text", default: "" },
    createdAt: createdAtColumn,
  },
  relations: {
    signingKey: belongsTo("SigningKey", "signing_key_id", "blueprint_keyring_entry_key_fkey", "CASCADE"),
    trustedBy: belongsTo("Person", "trusted_by_id", "blueprint_keyring_entry_trusted_by_fkey"),
  },
});
