import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";

export const FORUM_NOTIFICATION_KINDS = [
  "mentioned",
  "cooperative_mentioned",
  "quoted",
  "replied",
  "posted",
  "liked",
  "accepted",
] as const;
export type ForumNotificationKind = (typeof FORUM_NOTIFICATION_KINDS)[number];

/**
 * A notification in the hub. Notifications with the same `consolidationKey` (e.g. likes of one post) that are
 * still unread are merged into one whose `count` grows, as Discourse does.
 */
export interface ForumNotification {
  id: string;
  personId: string;
  kind: ForumNotificationKind;
  topicId: string;
  postNumber: number;
  actorId: string;
  consolidationKey: string | null;
  count: number;
  readAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Relations, for the schema only; never loaded by the module. */
  person?: unknown;
  topic?: unknown;
  actor?: unknown;
}

export const ForumNotificationEntity = new EntitySchema<ForumNotification>({
  name: "ForumNotification",
  tableName: "forum_notification",
  columns: {
    id: uuidPrimary,
    personId: { type: "uuid", name: "person_id" },
    kind: { type: "text" },
    topicId: { type: "uuid", name: "topic_id" },
    postNumber: { type: "integer", name: "post_number" },
    actorId: { type: "uuid", name: "actor_id" },
    consolidationKey: { type: "text", name: "consolidation_key", nullable: true },
    count: { type: "integer", default: 1 },
    readAt: timestampColumn("read_at", { nullable: true }),
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  indices: [
    { name: "forum_notification_person_idx", columns: ["personId", "updatedAt", "id"] },
    { name: "forum_notification_consolidation_idx", columns: ["personId", "consolidationKey"] },
  ],
  checks: [
    {
      name: "forum_notification_kind_check",
      expression:
        "kind IN ('mentioned', 'cooperative_mentioned', 'quoted', 'replied', 'posted', 'liked', 'accepted')",
    },
  ],
  relations: {
    person: belongsTo("Person", "person_id", "forum_notification_person_fkey", "CASCADE"),
    topic: belongsTo("ForumTopic", "topic_id", "forum_notification_topic_fkey", "CASCADE"),
    actor: belongsTo("Person", "actor_id", "forum_notification_actor_fkey", "CASCADE"),
  },
});
