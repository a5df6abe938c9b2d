import { EntitySchema } from "typeorm";
import { updatedAtColumn } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/**
 * Discourse's levels: `watching` notifies every post, `tracking` only mentions, quotes and replies (and counts
 * unread), `watching_first_post` only the first post, `muted` nothing at all.
 */
export const FORUM_WATCH_LEVELS = ["watching", "tracking", "watching_first_post", "muted"] as const;
export type ForumWatchLevel = (typeof FORUM_WATCH_LEVELS)[number];

/** A person's watch level on one topic. No row means the default (tracking for mentions and replies only). */
export interface ForumTopicWatch {
  topicId: string;
  personId: string;
  level: ForumWatchLevel;
  updatedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  topic?: unknown;
  person?: unknown;
}

export const ForumTopicWatchEntity = new EntitySchema<ForumTopicWatch>({
  name: "ForumTopicWatch",
  tableName: "forum_topic_watch",
  columns: {
    topicId: { type: "uuid", name: "topic_id", primary: true },
    personId: { type: "uuid", name: "person_id", primary: true },
    level: { type: "text" },
    updatedAt: updatedAtColumn,
  },
  indices: [{ name: "forum_topic_watch_person_idx", columns: ["personId"] }],
  checks: [
    {
      name: "forum_topic_watch_level_check",
      expression: "level IN ('watching', 'tracking', 'watching_first_post', 'muted')",
    },
  ],
  relations: {
    topic: belongsTo("ForumTopic", "topic_id", "forum_topic_watch_topic_fkey", "CASCADE"),
    person: belongsTo("Person", "person_id", "forum_topic_watch_person_fkey", "CASCADE"),
  },
});
