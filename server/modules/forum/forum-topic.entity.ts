import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/** A topic: its first post and replies live in `forum_post`, numbered from 1. */
export interface ForumTopic {
  id: string;
  categoryId: string;
  title: string;
  slug: string;
  authorId: string;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  acceptedPostId: string | null;
  /** The stack release the topic applies to (e.g. "2026.10"), if any. */
  stackRelease: string | null;
  /** Number of the latest post; posts are numbered 1..highestPostNumber. */
  highestPostNumber: number;
  replyCount: number;
  likeCount: number;
  lastPostedAt: Date;
  lastPosterId: string;
  createdAt: Date;
  updatedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  category?: unknown;
  author?: unknown;
  lastPoster?: unknown;
}

export const ForumTopicEntity = new EntitySchema<ForumTopic>({
  name: "ForumTopic",
  tableName: "forum_topic",
  columns: {
    id: uuidPrimary,
    categoryId: { type: "uuid", name: "category_id" },
    title: { type: "text" },
    slug: { type: "text" },
    authorId: { type: "uuid", name: "author_id" },
    pinned: { type: "boolean", default: false },
    locked: { type: "boolean", default: false },
    hidden: { type: "boolean", default: false },
    acceptedPostId: { type: "uuid", name: "accepted_post_id", nullable: true },
    stackRelease: { type: "text", name: "stack_release", nullable: true },
    highestPostNumber: { type: "integer", name: "highest_post_number", default: 0 },
    replyCount: { type: "integer", name: "reply_count", default: 0 },
    likeCount: { type: "integer", name: "like_count", default: 0 },
    lastPostedAt: timestampColumn("last_posted_at"),
    lastPosterId: { type: "uuid", name: "last_poster_id" },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  indices: [
    { name: "forum_topic_latest_idx", columns: ["pinned", "lastPostedAt", "id"] },
    { name: "forum_topic_category_latest_idx", columns: ["categoryId", "pinned", "lastPostedAt", "id"] },
    { name: "forum_topic_top_idx", columns: ["likeCount", "replyCount", "id"] },
    { name: "forum_topic_author_created_idx", columns: ["authorId", "createdAt"] },
    // Topic counts per category (every forum page) as an index-only scan instead of reading every topic row.
    { name: "forum_topic_visible_category_idx", columns: ["categoryId"], where: "hidden = false" },
  ],
  relations: {
    category: belongsTo("ForumCategory", "category_id", "forum_topic_category_fkey"),
    author: belongsTo("Person", "author_id", "forum_topic_author_fkey"),
    lastPoster: belongsTo("Person", "last_poster_id", "forum_topic_last_poster_fkey"),
  },
});
