import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/** `pending` until the watchers are notified (the row is then deleted); `failed` after the last retry. */
export type ForumPostFanoutStatus = "pending" | "failed";

/**
 * A post whose watchers still have to be notified ("fan-out due"), written in the post's own transaction so a
 * committed post is never left without its fan-out and a rolled-back one has none. The fan-out job notifies the
 * watchers and deletes the row in one transaction, so nothing is notified twice. `directIds` are the people the
 * post concerns directly (mentioned, quoted, replied to), already notified in the post's transaction: they get no
 * "posted" notification on top.
 */
export interface ForumPostFanout {
  id: string;
  postId: string;
  directIds: string[];
  status: ForumPostFanoutStatus;
  attempts: number;
  /** Null: due at once; set after a failure (backoff). */
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  /** Relation, for the schema only; never loaded by the module. */
  post?: unknown;
}

export const ForumPostFanoutEntity = new EntitySchema<ForumPostFanout>({
  name: "ForumPostFanout",
  tableName: "forum_post_fanout",
  columns: {
    id: { type: "bigint", primary: true, generated: "increment" },
    postId: { type: "uuid", name: "post_id" },
    directIds: { type: "uuid", name: "direct_ids", array: true, default: () => "'{}'" },
    status: { type: "text", default: "pending" },
    attempts: { type: "integer", default: 0 },
    nextAttemptAt: timestampColumn("next_attempt_at", { nullable: true }),
    lastError: { type: "text", name: "last_error", nullable: true },
    createdAt: createdAtColumn,
  },
  indices: [{ name: "forum_post_fanout_due_idx", columns: ["status", "id"] }],
  checks: [{ name: "forum_post_fanout_status_check", expression: "status IN ('pending', 'failed')" }],
  relations: {
    post: belongsTo("ForumPost", "post_id", "forum_post_fanout_post_fkey", "CASCADE"),
  },
});
