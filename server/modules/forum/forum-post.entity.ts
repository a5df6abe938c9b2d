import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/** A post of a topic. `html` is rendered from `markdown` once, at write time, and served as stored. */
export interface ForumPost {
  id: string;
  topicId: string;
  number: number;
  authorId: string;
  markdown: string;
  html: string;
  /** Starts at 1, +1 per edit: editors send the version they saw (optimistic concurrency). */
  version: number;
  hidden: boolean;
  hiddenReason: string | null;
  replyToNumber: number | null;
  likeCount: number;
  createdAt: Date;
  updatedAt: Date;
  editedAt: Date | null;
  /** Relations, for the schema only; never loaded by the module. */
  topic?: unknown;
  author?: unknown;
}

export const ForumPostEntity = new EntitySchema<ForumPost>({
  name: "ForumPost",
  tableName: "forum_post",
  columns: {
    id: uuidPrimary,
    topicId: { type: "uuid", name: "topic_id" },
    number: { type: "integer" },
    authorId: { type: "uuid", name: "author_id" },
    markdown: { type: "text" },
    html: { type: "text" },
    version: { type: "integer", default: 1 },
    hidden: { type: "boolean", default: false },
    hiddenReason: { type: "text", name: "hidden_reason", nullable: true },
    replyToNumber: { type: "integer", name: "reply_to_number", nullable: true },
    likeCount: { type: "integer", name: "like_count", default: 0 },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
    editedAt: timestampColumn("edited_at", { nullable: true }),
  },
  uniques: [{ name: "forum_post_topic_number_key", columns: ["topicId", "number"] }],
  indices: [{ name: "forum_post_author_created_idx", columns: ["authorId", "createdAt"] }],
  checks: [{ name: "forum_post_number_check", expression: "number > 0" }],
  relations: {
    topic: belongsTo("ForumTopic", "topic_id", "forum_post_topic_fkey", "CASCADE"),
    author: belongsTo("Person", "author_id", "forum_post_author_fkey"),
  },
});
