import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

export const FORUM_FLAG_REASONS = [
  "off_topic",
  "inappropriate",
  "spam",
  "illegal",
  "something_else",
] as const;
export type ForumFlagReason = (typeof FORUM_FLAG_REASONS)[number];

/** `agreed` hides the post, `disagreed` clears the flag, `deferred` leaves the post as it is. */
export const FORUM_FLAG_STATUSES = ["pending", "agreed", "disagreed", "deferred"] as const;
export type ForumFlagStatus = (typeof FORUM_FLAG_STATUSES)[number];

/** A person's flag on a post, waiting in the moderators' review queue until handled. */
export interface ForumFlag {
  id: string;
  postId: string;
  flaggerId: string;
  reason: ForumFlagReason;
  message: string;
  status: ForumFlagStatus;
  handledById: string | null;
  handledAt: Date | null;
  createdAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  post?: unknown;
  flagger?: unknown;
  handledBy?: unknown;
}

export const ForumFlagEntity = new EntitySchema<ForumFlag>({
  name: "ForumFlag",
  tableName: "forum_flag",
  columns: {
    id: uuidPrimary,
    postId: { type: "uuid", name: "post_id" },
    flaggerId: { type: "uuid", name: "flagger_id" },
    reason: { type: "text" },
    message: { type: "text", default: "" },
    status: { type: "text", default: "pending" },
    handledById: { type: "uuid", name: "handled_by_id", nullable: true },
    handledAt: timestampColumn("handled_at", { nullable: true }),
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "forum_flag_post_flagger_key", columns: ["postId", "flaggerId"] }],
  indices: [{ name: "forum_flag_status_created_idx", columns: ["status", "createdAt", "id"] }],
  checks: [
    {
      name: "forum_flag_reason_check",
      expression: "reason IN ('off_topic', 'inappropriate', 'spam', 'illegal', 'something_else')",
    },
    {
      name: "forum_flag_status_check",
      expression: "status IN ('pending', 'agreed', 'disagreed', 'deferred')",
    },
  ],
  relations: {
    post: belongsTo("ForumPost", "post_id", "forum_flag_post_fkey", "CASCADE"),
    flagger: belongsTo("Person", "flagger_id", "forum_flag_flagger_fkey", "CASCADE"),
    handledBy: belongsTo("Person", "handled_by_id", "forum_flag_handled_by_fkey"),
  },
});
