import { EntitySchema } from "typeorm";
import { timestampColumn } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/**
 * A topic's moderation settings beyond the switches on `forum_topic`: slow mode and, once merged, the topic it
 * points to. Kept in its own table (one row per topic that has any) so the hot topic row stays as it is.
 */
export interface ForumTopicModeration {
  topicId: string;
  /** 0: off. */
  slowModeSeconds: number;
  mergedIntoId: string | null;
  updatedById: string;
  updatedAt: Date;
  topic?: unknown;
  mergedInto?: unknown;
  updatedBy?: unknown;
}

export const ForumTopicModerationEntity = new EntitySchema<ForumTopicModeration>({
  name: "ForumTopicModeration",
  tableName: "forum_topic_moderation",
  columns: {
    topicId: { type: "uuid", name: "topic_id", primary: true },
    slowModeSeconds: { type: "integer", name: "slow_mode_seconds", default: 0 },
    mergedIntoId: { type: "uuid", name: "merged_into_id", nullable: true },
    updatedById: { type: "uuid", name: "updated_by_id" },
    updatedAt: timestampColumn("updated_at"),
  },
  checks: [
    {
      name: "forum_topic_moderation_slow_mode_check",
      expression: "slow_mode_seconds >= 0 AND slow_mode_seconds <= 86400",
    },
  ],
  relations: {
    topic: belongsTo("ForumTopic", "topic_id", "forum_topic_moderation_topic_fkey", "CASCADE"),
    mergedInto: belongsTo(
      "ForumTopic",
      "merged_into_id",
      "forum_topic_moderation_merged_into_fkey",
      "SET NULL",
    ),
    updatedBy: belongsTo("Person", "updated_by_id", "forum_topic_moderation_updated_by_fkey"),
  },
});
