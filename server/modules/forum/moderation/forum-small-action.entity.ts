import { EntitySchema } from "typeorm";
import { belongsTo } from "../../../db/relations.js";

export const FORUM_SMALL_ACTION_KINDS = ["split_to", "split_from", "merged_into", "merged_from"] as const;
export type ForumSmallActionKind = (typeof FORUM_SMALL_ACTION_KINDS)[number];

/**
 * Marks a post as a moderation note ("small action"): it has a number and readable Markdown like any post, so
 * clients that know nothing of notes still show something sensible, but it is not counted as a reply.
 */
export interface ForumSmallAction {
  postId: string;
  kind: ForumSmallActionKind;
  otherTopicId: string | null;
  postCount: number;
  post?: unknown;
  otherTopic?: unknown;
}

export const ForumSmallActionEntity = new EntitySchema<ForumSmallAction>({
  name: "ForumSmallAction",
  tableName: "forum_small_action",
  columns: {
    postId: { type: "uuid", name: "post_id", primary: true },
    kind: { type: "text" },
    otherTopicId: { type: "uuid", name: "other_topic_id", nullable: true },
    postCount: { type: "integer", name: "post_count", default: 0 },
  },
  checks: [
    {
      name: "forum_small_action_kind_check",
      expression: "kind IN ('split_to', 'split_from', 'merged_into', 'merged_from')",
    },
  ],
  relations: {
    post: belongsTo("ForumPost", "post_id", "forum_small_action_post_fkey", "CASCADE"),
    otherTopic: belongsTo("ForumTopic", "other_topic_id", "forum_small_action_other_topic_fkey", "SET NULL"),
  },
});
