import { EntitySchema } from "typeorm";
import { timestampColumn } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

/** A cooperative's acknowledgement of a security advisory (a topic in an advisory category). */
export interface ForumAdvisoryAck {
  topicId: string;
  cooperativeId: string;
  acknowledgedById: string;
  acknowledgedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  topic?: unknown;
  cooperative?: unknown;
  acknowledgedBy?: unknown;
}

export const ForumAdvisoryAckEntity = new EntitySchema<ForumAdvisoryAck>({
  name: "ForumAdvisoryAck",
  tableName: "forum_advisory_ack",
  columns: {
    topicId: { type: "uuid", name: "topic_id", primary: true },
    cooperativeId: { type: "uuid", name: "cooperative_id", primary: true },
    acknowledgedById: { type: "uuid", name: "acknowledged_by_id" },
    acknowledgedAt: timestampColumn("acknowledged_at"),
  },
  relations: {
    topic: belongsTo("ForumTopic", "topic_id", "forum_advisory_ack_topic_fkey", "CASCADE"),
    cooperative: belongsTo("Cooperative", "cooperative_id", "forum_advisory_ack_cooperative_fkey", "CASCADE"),
    acknowledgedBy: belongsTo("Person", "acknowledged_by_id", "forum_advisory_ack_acknowledged_by_fkey"),
  },
});
