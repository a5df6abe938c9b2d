import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Person } from "../people/person.entity.js";

export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** A personal API token for scripts and CI. The secret is shown once; only its SHA-256 is stored. */
export interface ApiToken {
  id: string;
  personId: string;
  name: string;
  scopes: ApiTokenScope[];
  secretHash: string;
  /** First characters of the secret, shown so people recognise their tokens. */
  displayPrefix: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  person?: Person;
}

export const ApiTokenEntity = new EntitySchema<ApiToken>({
  name: "ApiToken",
  tableName: "api_token",
  columns: {
    id: uuidPrimary,
    personId: { type: "uuid", name: "person_id" },
    name: { type: "text" },
    scopes: { type: "text", array: true },
    secretHash: { type: "text", name: "secret_hash" },
    displayPrefix: { type: "text", name: "display_prefix" },
    expiresAt: timestampColumn("expires_at"),
    lastUsedAt: timestampColumn("last_used_at", { nullable: true }),
    revokedAt: timestampColumn("revoked_at", { nullable: true }),
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "api_token_secret_hash_key", columns: ["secretHash"] }],
  indices: [{ name: "api_token_person_idx", columns: ["personId"] }],
  relations: {
    person: belongsTo("Person", "person_id", "api_token_person_fkey", "CASCADE"),
  },
});
