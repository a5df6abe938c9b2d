import { EntitySchema } from "typeorm";
import { updatedAtColumn } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/** How far a person has read a topic: unread = the topic's highest post number minus this. */
export interface ForumTopicReadState {
  topicId: string;
  personId: string;
  lastReadPostNumber: number;
  updatedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  topic?: unknown;
  person?: unknown;
}

export const ForumTopicReadStateEntity = new EntitySchema<ForumTopicReadState>({
  name: "ForumTopicReadState",
  tableName: "forum_topic_read_state",
  columns: {
    topicId: { type: "uuid", name: "topic_id", primary: true },
    personId: { type: "uuid", name: "person_id", primary: true },
    lastReadPostNumber: { type: "integer", name: "last_read_post_number" },
    updatedAt: updatedAtColumn,
  },
  indices: [{ name: "forum_topic_read_state_person_idx", columns: ["personId"] }],
  relations: {
    topic: belongsTo("ForumTopic", "topic_id", "forum_topic_read_state_topic_fkey", "CASCADE"),
    person: belongsTo("Person", "person_id", "forum_topic_read_state_person_fkey", "CASCADE"),
  },
});
