import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

export const FORUM_PENALTY_KINDS = ["silence", "suspension"] as const;
export type ForumPenaltyKind = (typeof FORUM_PENALTY_KINDS)[number];

/**
 * A silence (may read, not post) or suspension (may not sign in or use the API) of a person, from `startsAt` until
 * `endsAt` unless lifted earlier. Rows are never deleted: they are the history moderators see and the count the
 * next penalty's duration escalates from.
 */
export interface ForumPenalty {
  id: string;
  personId: string;
  kind: ForumPenaltyKind;
  reason: string;
  startsAt: Date;
  endsAt: Date;
  durationDays: number;
  priorCount: number;
  overridden: boolean;
  imposedById: string;
  liftedAt: Date | null;
  liftedById: string | null;
  liftReason: string | null;
  createdAt: Date;
  person?: unknown;
  imposedBy?: unknown;
  liftedBy?: unknown;
}

export const ForumPenaltyEntity = new EntitySchema<ForumPenalty>({
  name: "ForumPenalty",
  tableName: "forum_penalty",
  columns: {
    id: uuidPrimary,
    personId: { type: "uuid", name: "person_id" },
    kind: { type: "text" },
    reason: { type: "text" },
    startsAt: timestampColumn("starts_at"),
    endsAt: timestampColumn("ends_at"),
    durationDays: { type: "integer", name: "duration_days" },
    priorCount: { type: "integer", name: "prior_count", default: 0 },
    overridden: { type: "boolean", default: false },
    imposedById: { type: "uuid", name: "imposed_by_id" },
    liftedAt: timestampColumn("lifted_at", { nullable: true }),
    liftedById: { type: "uuid", name: "lifted_by_id", nullable: true },
    liftReason: { type: "text", name: "lift_reason", nullable: true },
    createdAt: createdAtColumn,
  },
  indices: [{ name: "forum_penalty_person_kind_idx", columns: ["personId", "kind", "endsAt"] }],
  checks: [
    { name: "forum_penalty_kind_check", expression: "kind IN ('silence', 'suspension')" },
    { name: "forum_penalty_duration_check", expression: "duration_days > 0" },
  ],
  relations: {
    person: belongsTo("Person", "person_id", "forum_penalty_person_fkey", "CASCADE"),
    imposedBy: belongsTo("Person", "imposed_by_id", "forum_penalty_imposed_by_fkey"),
    liftedBy: belongsTo("Person", "lifted_by_id", "forum_penalty_lifted_by_fkey"),
  },
});
