import { EntitySchema } from "typeorm";
import { createdAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/** A tag, created on first use; names are lower case. */
export interface ForumTag {
  id: string;
  name: string;
  createdAt: Date;
}

export const ForumTagEntity = new EntitySchema<ForumTag>({
  name: "ForumTag",
  tableName: "forum_tag",
  columns: {
    id: uuidPrimary,
    name: { type: "text" },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "forum_tag_name_key", columns: ["name"] }],
});

/** A tag on a topic (at most five per topic, enforced by the commands). */
export interface ForumTopicTag {
  topicId: string;
  tagId: string;
  /** Relations, for the schema only; never loaded by the module. */
  topic?: unknown;
  tag?: unknown;
}

export const ForumTopicTagEntity = new EntitySchema<ForumTopicTag>({
  name: "ForumTopicTag",
  tableName: "forum_topic_tag",
  columns: {
    topicId: { type: "uuid", name: "topic_id", primary: true },
    tagId: { type: "uuid", name: "tag_id", primary: true },
  },
  indices: [{ name: "forum_topic_tag_tag_idx", columns: ["tagId", "topicId"] }],
  relations: {
    topic: belongsTo("ForumTopic", "topic_id", "forum_topic_tag_topic_fkey", "CASCADE"),
    tag: belongsTo("ForumTag", "tag_id", "forum_topic_tag_tag_fkey", "CASCADE"),
  },
});
