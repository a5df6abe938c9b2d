import { EntitySchema } from "typeorm";
import { timestampColumn } from "../../../db/column-types.js";
import { belongsTo } from "../../../db/relations.js";

/** The manual release a topic applies to (one per topic), so its accepted answer can be checked against newer ones. */
export interface ForumTopicRelease {
  topicId: string;
  releaseId: string;
  stampedById: string;
  stampedAt: Date;
  topic?: unknown;
  release?: unknown;
  stampedBy?: unknown;
}

export const ForumTopicReleaseEntity = new EntitySchema<ForumTopicRelease>({
  name: "ForumTopicRelease",
  tableName: "forum_topic_release",
  columns: {
    topicId: { type: "uuid", name: "topic_id", primary: true },
    releaseId: { type: "uuid", name: "release_id" },
    stampedById: { type: "uuid", name: "stamped_by_id" },
    stampedAt: timestampColumn("stamped_at"),
  },
  indices: [{ name: "forum_topic_release_release_idx", columns: ["releaseId"] }],
  relations: {
    topic: belongsTo("ForumTopic", "topic_id", "forum_topic_release_topic_fkey", "CASCADE"),
    release: belongsTo("ManualRelease", "release_id", "forum_topic_release_release_fkey", "CASCADE"),
    stampedBy: belongsTo("Person", "stamped_by_id", "forum_topic_release_stamped_by_fkey"),
  },
});

/** Someone confirmed that an answer still holds for a (newer) release. */
export interface ForumAnswerConfirmation {
  id: string;
  postId: string;
  releaseId: string;
  confirmedById: string;
  confirmedAt: Date;
  post?: unknown;
  release?: unknown;
  confirmedBy?: unknown;
}

export const ForumAnswerConfirmationEntity = new EntitySchema<ForumAnswerConfirmation>({
  name: "ForumAnswerConfirmation",
  tableName: "forum_answer_confirmation",
  columns: {
    id: { type: "uuid", primary: true, generated: "uuid" },
    postId: { type: "uuid", name: "post_id" },
    releaseId: { type: "uuid", name: "release_id" },
    confirmedById: { type: "uuid", name: "confirmed_by_id" },
    confirmedAt: timestampColumn("confirmed_at"),
  },
  uniques: [{ name: "forum_answer_confirmation_post_release_key", columns: ["postId", "releaseId"] }],
  relations: {
    post: belongsTo("ForumPost", "post_id", "forum_answer_confirmation_post_fkey", "CASCADE"),
    release: belongsTo("ManualRelease", "release_id", "forum_answer_confirmation_release_fkey", "CASCADE"),
    confirmedBy: belongsTo("Person", "confirmed_by_id", "forum_answer_confirmation_confirmed_by_fkey"),
  },
});
